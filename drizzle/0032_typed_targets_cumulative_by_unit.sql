-- A typed target now says whether its actual builds up over the period; those typed before say
-- what a new one says unless the person changes it (`typedCumulativeByDefault`): a count, an
-- amount or a quantity builds up, a share does not.
UPDATE `plan_targets` SET `typed_cumulative` = true WHERE `measure` IS NULL AND `unit` <> 'percent';
