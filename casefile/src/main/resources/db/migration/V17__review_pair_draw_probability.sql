-- Estimation's linkage replicates (issue 15): the probability a contested pair is drawn with.
-- Stands alone (migrations run out of order): it adds one nullable column.
--
-- The model's match probability (probability) stays what the review desk shows. A pair the
-- clustering linked by the mutual-best rule was weighed there as just above the threshold, and the
-- replicates draw it with that weight, not with the model's lower probability (docs/estimation.md,
-- "Linkage uncertainty"). Runs stored before this column have it null: their pairs are drawn with
-- probability, as they were when those runs' estimates were made.
alter table linkage_review_pair
  add column draw_probability double precision check (draw_probability between 0 and 1);
