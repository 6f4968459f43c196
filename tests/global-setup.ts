// Placeholder: replaced by the real PostgreSQL setup (embedded or DATABASE_URL).
export default async function setup() {}
