const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Auth's account ids are UUIDs; an event naming anything else (demo data, tests) is not about ours. */
export const isAccountId = (id: string) => UUID.test(id);
