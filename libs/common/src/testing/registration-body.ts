/**
 * Upstream's officer registration body: a club of these names and tags, one member, open to new ones,
 * no recruiting or application dates. `app_required` is false unless given.
 */
export const registrationBody = (club: {
  name: string;
  email: string;
  password: string;
  tags: number[];
  app_required?: boolean;
}) => ({
  app_required: false,
  ...club,
  new_members: true,
  num_users: 1,
  apply_deadline_start: null,
  apply_deadline_end: null,
  recruiting_start: null,
  recruiting_end: null,
});
