/** The `files` table (migration 009), same conventions as schema.ts. */
export interface FilesTable {
  id: string;
  owner_id: string;
  org_id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  digest: string;
  task_id: string | null;
  created_at: number;
}

export interface FileTables {
  files: FilesTable;
}
