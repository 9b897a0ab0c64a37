'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { initialActionState } from '@/lib/action-state';
import { addMember, updateMember } from '@/lib/households/actions';
import { HEALTH, LABOUR, RELATIONS } from '@/lib/households/schema';

type Member = {
  id: number;
  version: number;
  name: string;
  relation: string;
  health: string | null;
  labour: string | null;
  inSchool: boolean;
};

/** Adds a member, or edits one (the ID number must be typed again: it is never sent to the browser in full). */
export function MemberForm({
  householdId,
  householdVersion,
  member,
}: {
  householdId: number;
  householdVersion: number;
  member?: Member;
}) {
  const t = useTranslations('households');
  const [state, formAction] = useActionState(member ? updateMember : addMember, initialActionState);
  const errors = state.fieldErrors ?? {};
  const raw = state.ok ? undefined : state.values;
  const prefix = member ? `m${member.id}-` : 'new-';
  return (
    <form
      action={formAction}
      className="space-y-3"
      noValidate
      key={`${member ? member.version : householdVersion}-${state.attempt ?? 0}`}
    >
      {member ? (
        <>
          <input type="hidden" name="id" value={member.id} />
          <input type="hidden" name="version" value={member.version} />
        </>
      ) : (
        <>
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="householdVersion" value={householdVersion} />
        </>
      )}
      <FormMessage state={state} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          name="name"
          id={`${prefix}name`}
          label={t('memberName')}
          defaultValue={raw?.name ?? member?.name}
          errors={errors.name}
        />
        <TextField
          name="idNumber"
          id={`${prefix}idNumber`}
          label={t('idNumber')}
          defaultValue={raw?.idNumber}
          errors={errors.idNumber}
          hint={member ? t('idRetype') : t('idHint')}
          autoComplete="off"
        />
        <SelectField
          name="relation"
          id={`${prefix}relation`}
          label={t('relation')}
          defaultValue={raw?.relation ?? member?.relation ?? 'CHILD'}
          errors={errors.relation}
        >
          {RELATIONS.filter((r) => (member?.relation === 'HEAD' ? r === 'HEAD' : r !== 'HEAD')).map((r) => (
            <option key={r} value={r}>
              {t(`relations.${r}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          name="phone"
          id={`${prefix}phone`}
          label={t('phone')}
          inputMode="tel"
          defaultValue={raw?.phone}
          errors={errors.phone}
        />
        <SelectField
          name="health"
          id={`${prefix}health`}
          label={t('health')}
          defaultValue={raw?.health ?? member?.health ?? 'HEALTHY'}
          errors={errors.health}
        >
          {HEALTH.map((h) => (
            <option key={h} value={h}>
              {t(`healthValues.${h}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="labour"
          id={`${prefix}labour`}
          label={t('labour')}
          defaultValue={raw?.labour ?? member?.labour ?? 'NORMAL'}
          errors={errors.labour}
        >
          {LABOUR.map((l) => (
            <option key={l} value={l}>
              {t(`labourValues.${l}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <CheckboxField
        name="inSchool"
        id={`${prefix}inSchool`}
        label={t('inSchool')}
        defaultChecked={raw ? raw.inSchool === 'on' : member?.inSchool}
      />
      <SubmitButton>{member ? t('saveMember') : t('addMember')}</SubmitButton>
    </form>
  );
}
