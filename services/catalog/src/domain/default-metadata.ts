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

export const DEFAULT_NUM_USER_TAGS = ['1-20', '21-50', '51-100', '101-250', '250+'];
