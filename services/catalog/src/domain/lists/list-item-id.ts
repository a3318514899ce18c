const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Item ids are UUIDs: anything else names no item (and must not reach a uuid column as a query error). */
export const isItemId = (id: string) => UUID.test(id);
