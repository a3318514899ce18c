// Ports for the processes a benchmark starts: below the ephemeral range, so that none of the many
// outgoing connections a run opens takes one before its process binds it (or binds it again, as
// bench:catalog's restarted recommender does).
export { freePort } from '@sproul/common/testing';
