-- Deputy team leaders (seed 001: 工作队隊長、副隊長脫離原單位工作……每月到村開展工作不少於20天).
ALTER TYPE "TeamRole" ADD VALUE 'DEPUTY_LEADER' AFTER 'LEADER';
