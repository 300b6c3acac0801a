-- How a linkage run scored against a ground truth, when its lists carry one (issue 14): generated
-- lists can be written with a `true_person_id` column (`sijill generate lists --truth-column`),
-- which linkage never compares. The run counts, over the records that have a value there, the true
-- pairs (two records of one true person), how many of them blocking made candidates (blocking
-- recall), the pairs its persons imply and how many of those are true (precision, recall, F1), and
-- the true persons. One row per run at most; append-only like the run itself. Stands alone: it
-- needs only linkage_run (V4) and sijill_append_only (V1).

create table linkage_run_truth (
  run_id               bigint      primary key references linkage_run (id),
  truth_column         text        not null,
  records              int         not null check (records >= 0),
  true_persons         int         not null check (true_persons >= 0),
  true_pairs           bigint      not null check (true_pairs >= 0),
  true_pairs_compared  bigint      not null check (true_pairs_compared between 0 and true_pairs),
  linked_pairs         bigint      not null check (linked_pairs >= 0),
  linked_pairs_true    bigint      not null check (linked_pairs_true between 0 and linked_pairs),
  recorded_at          timestamptz not null default now()
);

create trigger linkage_run_truth_append_only before update or delete on linkage_run_truth
  for each row execute function sijill_append_only();
create trigger linkage_run_truth_no_truncate before truncate on linkage_run_truth
  for each statement execute function sijill_append_only();
