/** What a new campus starts with; admins edit tags afterwards. */
export const DEFAULT_TAGS = [
  'Academic',
  'Business',
  'Community Service',
  'Cultural',
  'Design',
  'Engineering',
  'Entrepreneurship',
  'Environmental',
  'Health & Wellness',
  'Media & Journalism',
  'Performing Arts',
  'Political',
  'Pre-Professional',
  'Religious & Spiritual',
  'Research',
  'Social',
  'Sports & Recreation',
  'Technology',
  'Visual Arts',
  'Volunteering',
];

// The web client's own labels for size ids 0-4 (it shows those, whatever we send): the same here.
export const DEFAULT_NUM_USER_TAGS = ['< 10', '10-20', '20-50', '50-100', '100+'];
