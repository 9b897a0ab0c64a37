'use client';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/button';
import { CheckboxField, SelectField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
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
  idMasked: string;
  phoneMasked: string | null;
};

/**
 * Adds a member, or edits one. An edit shows the ID number and phone masked and keeps them unless new ones are
 * typed: neither is sent to the browser in full.
 */
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
  const { state, formAction, fieldError, defaultValue, defaultChecked, formKey } = useActionForm(
    member ? updateMember : addMember,
  );
  const prefix = member ? `m${member.id}-` : 'new-';
  return (
    <form
      action={formAction}
      className="space-y-3"
      noValidate
      key={formKey(member ? member.version : householdVersion)}
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
          defaultValue={defaultValue('name', member?.name)}
          errors={fieldError('name')}
        />
        <TextField
          name="idNumber"
          id={`${prefix}idNumber`}
          label={t('idNumber')}
          defaultValue={defaultValue('idNumber')}
          errors={fieldError('idNumber')}
          hint={member ? t('idKeep', { masked: member.idMasked }) : t('idHint')}
          autoComplete="off"
        />
        <SelectField
          name="relation"
          id={`${prefix}relation`}
          label={t('relation')}
          defaultValue={defaultValue('relation', member?.relation ?? 'CHILD')}
          errors={fieldError('relation')}
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
          defaultValue={defaultValue('phone')}
          errors={fieldError('phone')}
          hint={member?.phoneMasked ? t('phoneKeep', { masked: member.phoneMasked }) : undefined}
        />
        <SelectField
          name="health"
          id={`${prefix}health`}
          label={t('health')}
          defaultValue={defaultValue('health', member?.health ?? 'HEALTHY')}
          errors={fieldError('health')}
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
          defaultValue={defaultValue('labour', member?.labour ?? 'NORMAL')}
          errors={fieldError('labour')}
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
        defaultChecked={defaultChecked('inSchool', member?.inSchool)}
      />
      <SubmitButton>{member ? t('saveMember') : t('addMember')}</SubmitButton>
    </form>
  );
}
