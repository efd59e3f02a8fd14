/** A row of the outbox as push reads it (docs/architecture.md, The write path). */
export interface OutboxRow {
  seq: number;
  mutation_id: string;
  entity: string;
  entity_id: string;
  case_id: string | null;
  field: string;
  value: string | null;
  base_version: number;
  hlc: string;
}
