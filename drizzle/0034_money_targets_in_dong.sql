-- A target counted by revenue, average income or agreements' value is an amount in đồng: the form
-- left such a target's unit at «Số lượng» (count) unless the person changed it, so it read as a
-- bare number. Those become money, as the form now sets them; a share (%) or a quantity is left for
-- the person to settle, its value meaning something else.
UPDATE `plan_targets` SET `unit` = 'money', `unit_label` = ''
WHERE `unit` = 'count' AND json_extract(`measure`, '$.metric') IN ('revenue', 'averageIncome', 'agreementValue');
