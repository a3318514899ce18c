// Writes eval/clubs.json: the committed evaluation set of the recommender. Run once by hand
// (`node services/recommender/eval/generate-eval-set.mjs`); the JSON is what is committed and read.
//
// Each kind has its own sentences and its own words, written for this project; a club's description
// draws a varying number of them, in varying order, with the words of its family (kinds that share
// vocabulary: a dance crew and a theatre troupe both "perform" and "rehearse"), campus boilerplate every
// club page has, and now and then a sentence of a neighbouring kind (a robotics club that also writes
// software). Tags follow the kind loosely, as officers pick them: often two, sometimes one or a stray.
// A seeded generator makes the file reproducible.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let seed = 20261205;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
const shuffle = (list) => {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};
// Fills {slots} with the kind's words, never the same word twice in one sentence ("the DAT and the DAT").
const fill = (sentence, words) => {
  const used = new Set();
  return sentence.replace(/\{(\w+)\}/g, (_, key) => {
    const choices = (words[key] ?? [key]).filter((word) => !used.has(word));
    const word = choices.length > 0 ? pick(choices) : pick(words[key] ?? [key]);
    used.add(word);
    return word;
  });
};

// The catalog's default tags (services/catalog/src/domain/tags/default-tags.ts), ids by position.
const TAGS = [
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

const FAMILIES = {
  tech: {
    words: {
      thing: ['projects', 'prototypes', 'builds', 'a demo day', 'hardware', 'code reviews'],
      skill: ['Python', 'Git', 'Linux', 'C++', 'debugging', 'version control'],
    },
    sentences: [
      'Every semester ends with a demo day where each team shows off its {thing}.',
      'Workshops cover {skill} and {skill} for people who have never touched them.',
      'We partner with engineering faculty and industry mentors who review our {thing}.',
      'Project teams of four to six meet in the makerspace and on Discord.',
      'No experience is required, just curiosity and a laptop.',
    ],
  },
  perform: {
    words: {
      show: ['showcase', 'spring show', 'winter concert', 'end-of-semester performance', 'recital'],
      place: ['Zellerbach Hall', 'Lower Sproul', 'the Pauley Ballroom', 'Hertz Hall', 'Wheeler Auditorium'],
    },
    sentences: [
      'We rehearse twice a week and perform at our {show} in {place}.',
      'Auditions are held in the first two weeks of each semester.',
      'Our {show} sells out most years, and the cast party afterwards is legendary.',
      'Members perform at campus events, cultural nights and charity benefits.',
      'Stage presence, practice and a supportive company are what we are about.',
    ],
  },
  service: {
    words: {
      partner: [
        'the Berkeley Free Clinic',
        'local elementary schools',
        'Alameda County nonprofits',
        'community partners',
      ],
      hours: ['service hours', 'volunteer hours', 'hours in the field'],
    },
    sentences: [
      'Members log {hours} every semester with {partner}.',
      'We believe in giving back to the East Bay community that hosts us.',
      'Volunteers are trained before their first shift with {partner}.',
      'Our committees plan outreach events, fundraisers and service days.',
    ],
  },
  business: {
    words: {
      firm: ['Deloitte', 'Goldman Sachs', 'McKinsey', 'Google', 'Salesforce', 'local startups'],
      event: ['case competitions', 'networking nights', 'resume workshops', 'alumni panels'],
    },
    sentences: [
      'Our alumni work at firms such as {firm} and {firm}.',
      'We host {event} and {event} with recruiters every semester.',
      'New members go through a training program on professional skills before joining a team.',
      'Recruitment is competitive: apply with a resume and interview during rush week.',
      'Professional development, mentorship and a strong network are at our core.',
    ],
  },
  culture: {
    words: {
      food: ['dumplings', 'samosas', 'empanadas', 'pho', 'jollof rice', 'baklava'],
      festival: ['Lunar New Year', 'Diwali', 'Nowruz', 'Día de los Muertos', 'Eid', 'Carnival'],
    },
    sentences: [
      'We celebrate {festival} with a night of food, music and games.',
      'Our potlucks are famous for homemade {food}.',
      'A home away from home for students of every background who want to connect with the culture.',
      'We share traditions, history and food with the whole campus.',
    ],
  },
  voice: {
    words: {
      topic: ['public policy', 'campus politics', 'civil liberties', 'housing', 'free speech'],
    },
    sentences: [
      'We care about {topic} and give students a platform to speak and write about it.',
      'Members learn to research, argue and write clearly under deadline.',
      'Our members go on to law school, newsrooms and public service.',
    ],
  },
  leisure: {
    words: {
      place: ['Tilden Park', 'Memorial Glade', 'the RSF', 'Strawberry Canyon', 'Lake Tahoe', 'the Marina'],
    },
    sentences: [
      'Outings to {place} happen almost every weekend.',
      'A relaxed, welcoming group: come as often as you like.',
      'We keep gear and equipment for members to borrow.',
    ],
  },
};

const KINDS = {
  robotics: {
    family: 'tech',
    tags: [5, 17],
    names: [
      'Robotics',
      'Rover Team',
      'Autonomous Systems Lab',
      'Drone Collective',
      'Mechatronics Society',
      'Micromouse Team',
      'Combat Robotics',
    ],
    words: {
      part: ['motors', 'servos', 'lidar', 'a robotic arm', 'motor controllers', 'sensors', 'drive trains'],
      tool: ['SolidWorks', 'ROS 2', 'Arduino', 'the laser cutter', 'soldering irons', 'CNC mills'],
      comp: [
        'VEX U',
        'the University Rover Challenge',
        'RoboMaster',
        'the IEEE Micromouse contest',
        'RoboCup',
      ],
    },
    sentences: [
      'We design, machine and program robots from scratch, from the chassis to the control loop.',
      'Our mechanical subteam works with {tool} while the electrical team wires {part} and {part}.',
      'This year we are competing in {comp} with an autonomous rover.',
      'Members learn to solder, tune PID controllers and integrate {part} on real hardware.',
      'We build drones that navigate with computer vision and {part}.',
      'Build nights in the Jacobs Hall makerspace run late before {comp}.',
      'From embedded firmware to path planning, every robot is a full mechatronics project.',
      'Our combat robots are machined in house and tested in a polycarbonate arena.',
      'Robots, actuators and kinematics: we tinker until the machine moves the way we want.',
    ],
  },
  software: {
    family: 'tech',
    tags: [17, 5],
    names: [
      'Web Developers',
      'App Development Club',
      'Open Source Collective',
      'Hackers at Cal',
      'Software Guild',
      'Code for Good',
      'Full Stack Club',
    ],
    words: {
      stack: ['React', 'TypeScript', 'Node.js', 'Swift', 'Kotlin', 'Django', 'PostgreSQL'],
      product: ['web apps', 'mobile apps', 'APIs', 'browser extensions', 'open-source libraries'],
    },
    sentences: [
      'We build {product} for real clients, from nonprofits to campus departments.',
      'Our bootcamp teaches {stack}, {stack} and how to ship a product end to end.',
      'Weekly hack nights are for pair programming, code review and pizza.',
      'We organise a 36-hour hackathon each spring with hundreds of hackers.',
      'Members contribute to open-source {product} and learn continuous integration and testing.',
      'Teams follow agile sprints with a product manager, designers and developers.',
      'Frontend, backend and deployment: members ship {product} built with {stack}.',
      'Learn to write clean code, design databases and deploy to the cloud.',
      'Our alumni have interned as software engineers at startups and big tech.',
    ],
  },
  data: {
    family: 'tech',
    tags: [17, 14, 0],
    names: [
      'Data Science Society',
      'Machine Learning at Berkeley',
      'AI Collective',
      'Analytics Club',
      'Statistics Union',
      'Deep Learning Group',
      'Data for Good',
    ],
    words: {
      method: [
        'neural networks',
        'regression',
        'clustering',
        'transformers',
        'Bayesian inference',
        'reinforcement learning',
      ],
      tool: ['pandas', 'PyTorch', 'scikit-learn', 'Jupyter notebooks', 'SQL', 'TensorFlow'],
    },
    sentences: [
      'We apply {method} and {method} to real datasets from campus research labs.',
      'Our reading group discusses a machine learning paper every week, from {method} to fairness.',
      'Workshops introduce {tool}, {tool} and data visualisation to beginners.',
      'Consulting teams build predictive models and dashboards for nonprofits.',
      'We compete in Kaggle competitions and host a datathon in the fall.',
      'Members learn statistics, data cleaning and how to tell a story with data.',
      'Our research track pairs undergraduates with PhD mentors working on artificial intelligence.',
      'From exploratory analysis to deploying models, we cover the whole data pipeline.',
    ],
  },
  dance: {
    family: 'perform',
    tags: [10, 3],
    names: [
      'Dance Crew',
      'Ballet Company',
      'Hip Hop Collective',
      'Bhangra Team',
      'K-Pop Dance Cover',
      'Contemporary Dance Ensemble',
      'Salsa Club',
      'Tap Ensemble',
    ],
    words: {
      style: ['hip hop', 'contemporary', 'ballet', 'bhangra', 'K-pop', 'salsa', 'jazz funk', 'breaking'],
      move: ['choreography', 'footwork', 'turns', 'freestyle', 'formations'],
    },
    sentences: [
      'We are a {style} dance team that competes across California.',
      'Classes teach {move} and {move} at every level, no dance experience needed.',
      'Our choreographers set new pieces each semester, mixing {style} and {style}.',
      'Open dance classes on Fridays are free for everyone.',
      'We travel to dance competitions and film covers for our channel.',
      'Conditioning, stretching and drilling {move} fill our practices in the RSF studios.',
      'Dancers of all backgrounds share the floor, the music and the sweat.',
      'We love to dance: socials, workshops with guest choreographers and battles.',
    ],
  },
  acappella: {
    family: 'perform',
    tags: [10],
    names: [
      'A Cappella',
      'Chamber Singers',
      'Gospel Choir',
      'Glee Club',
      'Vocal Ensemble',
      'Barbershop Quartet Society',
      'Treble Choir',
    ],
    words: {
      voice: ['sopranos', 'altos', 'tenors', 'basses', 'beatboxers'],
      rep: ['pop arrangements', 'gospel', 'jazz standards', 'Renaissance motets', 'Broadway medleys'],
    },
    sentences: [
      'We are an a cappella group singing {rep} with nothing but our voices.',
      'We are looking for {voice} and {voice} this semester.',
      'Members arrange songs, record an album and sing at the ICCA quarterfinals.',
      'Our choir sings {rep} and {rep} under a student conductor.',
      'Sight-reading is a plus but not required; we teach harmony and vocal technique.',
      'Auditions ask you to sing a verse of any song and match a few pitches.',
      'Vocal warm-ups, blending and tight harmonies are our bread and butter.',
    ],
  },
  theater: {
    family: 'perform',
    tags: [10, 18],
    names: [
      'Theatre Company',
      'Improv Troupe',
      'Musical Theatre Society',
      'Shakespeare Players',
      'Sketch Comedy Group',
      'Playwrights Workshop',
      'Stage Crew',
    ],
    words: {
      play: ['Shakespeare', 'a new student-written play', 'a Sondheim musical', 'Chekhov', 'an improv show'],
      role: [
        'actors',
        'directors',
        'stage managers',
        'set designers',
        'lighting technicians',
        'costume designers',
      ],
    },
    sentences: [
      'This season we stage {play} and {play}.',
      'We need {role}, {role} and {role}: theatre takes a whole crew.',
      'Our improv troupe performs long-form scenes every other Friday.',
      'Members write, direct and act in sketches and one-act plays.',
      'Scene study, voice and movement workshops are open to all.',
      'From the script to the set build, students run every part of the production.',
      'Our musicals combine acting, singing and choreography on the main stage.',
    ],
  },
  orchestra: {
    family: 'perform',
    tags: [10],
    names: [
      'Symphony Orchestra',
      'Jazz Ensemble',
      'Wind Band',
      'Guitar Society',
      'Chamber Music Club',
      'Pep Band',
      'Taiko Drumming',
    ],
    words: {
      instrument: [
        'violins',
        'cellos',
        'brass',
        'woodwinds',
        'percussion',
        'guitars',
        'piano',
        'taiko drums',
      ],
      rep: [
        'Beethoven',
        'Dvořák',
        'big band swing',
        'film scores',
        'bebop',
        'new music by student composers',
      ],
    },
    sentences: [
      'Our orchestra plays {rep} and {rep} in two concerts a semester.',
      'We welcome {instrument} and {instrument} of every level.',
      'Sectionals and full rehearsals build toward each concert.',
      'Jam sessions are open: bring your instrument and improvise.',
      'Musicians form chamber groups that play string quartets and wind quintets.',
      'Our ensemble reads {rep} and plays at football games and rallies.',
      'We rent out instruments and practice rooms to members.',
    ],
  },
  premed: {
    family: 'service',
    tags: [8, 12],
    names: [
      'Pre-Medical Society',
      'Pre-Health Association',
      'Future Physicians',
      'Pre-Dental Society',
      'Global Health Club',
      'Nursing Pathways',
      'Public Health Society',
    ],
    words: {
      exam: ['the MCAT', 'the DAT', 'medical school applications', 'clinical interviews'],
      setting: ['hospitals', 'free clinics', 'EMT services', 'research labs'],
    },
    sentences: [
      'We help pre-med students prepare for {exam} and {exam}.',
      'Physicians, nurses and medical students speak at our meetings about their paths.',
      'Members shadow doctors and volunteer in {setting} to gain clinical experience.',
      'Our health fairs offer free blood pressure screenings to the community.',
      'Workshops cover the medical school timeline, personal statements and letters.',
      'We connect students with {setting} for patient care experience.',
      'Public health, health equity and the future of medicine guide our discussions.',
    ],
  },
  tutoring: {
    family: 'service',
    tags: [19, 2, 0],
    names: [
      'Tutoring Collective',
      'Big Siblings Mentoring',
      'Reading Buddies',
      'STEM Outreach',
      'Youth Mentorship Program',
      'College Access Project',
      'After School Program',
    ],
    words: {
      kids: [
        'elementary school students',
        'middle schoolers',
        'high school seniors',
        'first-generation students',
      ],
      subject: ['math', 'reading', 'science', 'college essays', 'SAT prep'],
    },
    sentences: [
      'Our tutors work one on one with {kids} in {subject} and {subject}.',
      'We mentor {kids} through the college application process.',
      'Volunteers visit Oakland schools every week to lead {subject} activities.',
      'Mentors are paired with a mentee for the whole year.',
      'Our STEM outreach brings science experiments into classrooms.',
      'Tutoring sessions happen after school and on Saturday mornings.',
      'We train our tutors in teaching, patience and working with children.',
    ],
  },
  environment: {
    family: 'service',
    tags: [7, 19],
    names: [
      'Sustainability Coalition',
      'Zero Waste Club',
      'Climate Action Network',
      'Campus Garden Project',
      'Environmental Justice Collective',
      'Bay Restoration Crew',
      'Bike Coalition',
    ],
    words: {
      action: ['beach cleanups', 'tree planting', 'composting', 'creek restoration', 'climate advocacy'],
      issue: ['climate change', 'plastic waste', 'food systems', 'environmental justice', 'renewable energy'],
    },
    sentences: [
      'We organise {action} and {action} around the Bay Area.',
      'Our campaigns push the university on {issue} and {issue}.',
      'Members tend the campus garden and run a weekly compost pickup.',
      'We teach students to reduce waste, recycle properly and live sustainably.',
      'Environmental science speakers and documentary screenings fill our calendar.',
      'Restoration days remove invasive plants along Strawberry Creek.',
      'Climate action starts locally: we lobby city council on {issue}.',
    ],
  },
  consulting: {
    family: 'business',
    tags: [1, 12],
    names: [
      'Consulting Group',
      'Strategy Partners',
      'Nonprofit Consulting',
      'Management Consulting Club',
      'Social Impact Consulting',
      'Tech Consulting Collective',
      'Business Analytics Group',
    ],
    words: {
      client: [
        'Fortune 500 companies',
        'Bay Area startups',
        'nonprofits',
        'city agencies',
        'healthcare companies',
      ],
      deliverable: [
        'market sizing',
        'go-to-market strategy',
        'competitive analysis',
        'pricing models',
        'operations reviews',
      ],
    },
    sentences: [
      'Our consultants deliver {deliverable} and {deliverable} for {client}.',
      'Each semester, project teams work with {client} on a real business problem.',
      'We teach case interviews, slide decks and structured problem solving.',
      'Consultants present final recommendations to client executives.',
      'Our pro bono projects help {client} grow their impact.',
      'Members learn frameworks, client management and Excel modeling.',
    ],
  },
  investing: {
    family: 'business',
    tags: [1, 12],
    names: [
      'Investment Club',
      'Finance Society',
      'Trading Group',
      'Value Investing Fund',
      'Women in Finance',
      'Quantitative Finance Club',
      'Venture Capital Club',
    ],
    words: {
      asset: ['equities', 'bonds', 'options', 'crypto', 'real estate'],
      skill: [
        'valuation',
        'DCF models',
        'portfolio management',
        'technical analysis',
        'financial statements',
      ],
    },
    sentences: [
      'We manage a student-run portfolio of {asset} and {asset}.',
      'Analysts pitch stocks every week after researching {skill}.',
      'Our finance curriculum covers {skill}, {skill} and accounting.',
      'Members prepare for investment banking and asset management recruiting.',
      'We follow the markets, the Fed and earnings season together.',
      'Our quant team backtests trading strategies in Python.',
      'A stock pitch competition closes every semester.',
    ],
  },
  startup: {
    family: 'business',
    tags: [6, 1],
    names: [
      'Entrepreneurs Association',
      'Startup Incubator',
      'Founders Club',
      'Innovation Collective',
      'Product Management Club',
      'Social Entrepreneurship Lab',
      'Venture Builders',
    ],
    words: {
      stage: ['an idea', 'a prototype', 'a pitch deck', 'first customers', 'a seed round'],
      mentor: ['founders', 'venture capitalists', 'angel investors', 'product managers'],
    },
    sentences: [
      'We help students go from {stage} to {stage}.',
      'Our incubator gives founding teams mentorship from {mentor} and {mentor}.',
      'Pitch nights let student founders practice in front of investors.',
      'Members learn customer discovery, lean startup methods and fundraising.',
      'Our startup fair connects students with early-stage companies hiring interns.',
      'Founders meet weekly to share progress, setbacks and leads.',
      'Entrepreneurship is a team sport: find a cofounder at our mixers.',
    ],
  },
  heritage: {
    family: 'culture',
    tags: [3, 15],
    names: [
      'Filipino American Alliance',
      'Vietnamese Student Association',
      'Black Student Union',
      'Armenian Students Association',
      'Pakistani Student Association',
      'Latinx Student Union',
      'Korean American Student Association',
      'Nigerian Students Association',
    ],
    words: {
      activity: [
        'cultural night',
        'family groups',
        'a heritage month',
        'dance performances',
        'a mentorship program',
      ],
    },
    sentences: [
      'Our {activity} and {activity} bring the community together.',
      'We celebrate our heritage, history and identity on campus.',
      'Family groups pair new members with older students as mentors.',
      'Our annual culture show draws families from across the state.',
      'We advocate for our community and support its students.',
      'Come for the food, stay for the friends and the traditions.',
    ],
  },
  language: {
    family: 'culture',
    tags: [3, 0],
    names: [
      'Language Exchange',
      'French Club',
      'Japanese Conversation Table',
      'Spanish Conversation Club',
      'Mandarin Speakers Circle',
      'German Club',
      'Arabic Language Circle',
    ],
    words: {
      lang: ['French', 'Japanese', 'Spanish', 'Mandarin', 'German', 'Arabic', 'Korean', 'Portuguese'],
    },
    sentences: [
      'Practice {lang} with native speakers at our weekly conversation table.',
      'Language exchange pairs a {lang} speaker with a {lang} learner.',
      'We watch films with subtitles and discuss them in {lang}.',
      'Grammar help, vocabulary games and study groups for every level.',
      'Our members prepare for study abroad and language exams together.',
      'Speaking a new language takes practice: come talk with us.',
    ],
  },
  debate: {
    family: 'voice',
    tags: [11, 0, 12],
    names: [
      'Debate Society',
      'Mock Trial',
      'Model United Nations',
      'Parliamentary Debate Union',
      'Pre-Law Society',
      'Moot Court',
      'Forensics Team',
    ],
    words: {
      format: ['parliamentary debate', 'mock trial', 'Model UN', 'policy debate', 'moot court'],
    },
    sentences: [
      'We compete in {format} tournaments across the West Coast.',
      'Members learn argumentation, rebuttals and public speaking.',
      'Our delegates represent countries and draft resolutions at Model UN conferences.',
      'Attorneys and witnesses prepare a courtroom case each season.',
      'Practice rounds run Tuesday nights with feedback from coaches.',
      'We prepare students for law school and careers in law.',
    ],
  },
  journalism: {
    family: 'voice',
    tags: [9],
    names: [
      'Student Newspaper',
      'Campus Radio',
      'Podcast Collective',
      'Literary Magazine',
      'Film Review',
      'Investigative Reporting Group',
      'Broadcast News Team',
    ],
    words: {
      medium: [
        'a weekly newspaper',
        'a podcast',
        'a radio show',
        'a literary magazine',
        'a video news program',
      ],
      beat: ['campus news', 'arts and culture', 'sports', 'science', 'opinion'],
    },
    sentences: [
      'We publish {medium} covering {beat} and {beat}.',
      'Reporters, editors and photographers work on every issue.',
      'Our writers pitch stories, interview sources and meet deadlines.',
      'Members host shows on our student radio station.',
      'We teach interviewing, fact checking and audio editing.',
      'Our magazine publishes student poetry, fiction and essays twice a year.',
    ],
  },
  photo: {
    family: 'leisure',
    tags: [18, 4],
    names: [
      'Photography Club',
      'Film Photography Society',
      'Art Collective',
      'Sketching Club',
      'Ceramics Studio',
      'Graphic Design Guild',
      'Mural Project',
    ],
    words: {
      medium: [
        'film photography',
        'portraits',
        'watercolor',
        'ceramics',
        'digital illustration',
        'street photography',
      ],
    },
    sentences: [
      'We go on photo walks and share our {medium} in critique sessions.',
      'Our darkroom lets members develop film and print their photos.',
      'Open studio nights for painting, drawing and {medium}.',
      'Members exhibit their work at our end-of-year gallery show.',
      'Workshops teach composition, lighting and editing in Lightroom.',
      'Artists of every medium, from {medium} to {medium}, are welcome.',
    ],
  },
  outdoor: {
    family: 'leisure',
    tags: [16, 7],
    names: [
      'Hiking Club',
      'Outdoors Club',
      'Climbing Team',
      'Backpacking Society',
      'Surf Club',
      'Ski and Snowboard Club',
      'Trail Running Group',
    ],
    words: {
      trip: [
        'backpacking in Yosemite',
        'climbing at Castle Rock',
        'surfing in Santa Cruz',
        'skiing at Tahoe',
        'camping in Big Sur',
      ],
    },
    sentences: [
      'Trips include {trip} and {trip}.',
      'Our leaders teach navigation, Leave No Trace and wilderness first aid.',
      'We hike the Berkeley hills every Saturday morning.',
      'Carpools, tents and stoves are provided for every trip.',
      'Climbers train on the bouldering wall and head outside on weekends.',
      'Nature, adventure and new friends on the trail.',
    ],
  },
  sports: {
    family: 'leisure',
    tags: [16, 15],
    names: [
      'Ultimate Frisbee',
      'Club Volleyball',
      'Badminton Club',
      'Rugby Club',
      'Table Tennis Club',
      'Club Soccer',
      'Fencing Club',
    ],
    words: {
      sport: ['ultimate', 'volleyball', 'badminton', 'soccer', 'table tennis', 'fencing'],
    },
    sentences: [
      'We play {sport} competitively in the collegiate club league.',
      'Practices at the RSF and drills for all skill levels.',
      'Tryouts are in September; our B team takes beginners.',
      'We travel to regional tournaments and nationals.',
      'Pickup games every Sunday are open to anyone.',
      'Fitness, teamwork and a love of {sport} bring us together.',
    ],
  },
};

const CAMPUS = [
  'We meet {day} at {time} in {room}.',
  'Follow us on Instagram for announcements.',
  'Everyone is welcome, whatever your major or year.',
  'Dues are {dues} a semester; ask us about waivers.',
  'Founded in {year}, we now have more than {count} active members.',
  'Our general meetings are casual, with snacks.',
  'Socials, retreats and a banquet round out the year.',
  'Join our mailing list to hear about the next meeting.',
];
const INVOLVED = [
  'Come to our first general meeting in week two.',
  'Fill out the interest form on our website.',
  'Applications open at the start of each semester and close after two weeks.',
  'Stop by our table on Sproul Plaza during Calapalooza.',
  'Just show up to any meeting, no commitment needed.',
  'Email our officers with any questions.',
  'Our info sessions explain what each team does before you apply.',
];
const CAMPUS_WORDS = {
  day: ['on Mondays', 'on Tuesdays', 'every Wednesday', 'on Thursday evenings', 'on Sundays', 'biweekly'],
  time: ['6 pm', '7 pm', '7:30 pm', '8 pm', 'noon'],
  room: [
    'Dwinelle 155',
    'Wheeler 200',
    'the MLK Student Union',
    'Etcheverry 3106',
    'Evans 60',
    'Haas F295',
    'Moffitt 101',
  ],
  dues: ['$10', '$20', '$25', '$40'],
  year: ['1968', '1987', '1999', '2004', '2011', '2016', '2019', '2022'],
  count: ['20', '40', '60', '100', '150', '300'],
};
const ACRONYMS = [
  'BEAM',
  'CALX',
  'Spectra',
  'Nova',
  'Kairos',
  'Atlas',
  'Blueprint',
  'Lumen',
  'Ember',
  'Vista',
  'Orbit',
  'Tandem',
];
const GENERIC = [
  'at Berkeley',
  'Collective',
  'Society',
  'Club',
  'Project',
  'Group',
  'Association',
  'Initiative',
];
const PREFIXES = ['Cal', 'Berkeley', 'Golden Bear', 'Bay Area', 'UC Berkeley', 'The', 'Bears for', ''];

const kindNames = Object.keys(KINDS);
const PER_KIND = 17;
const clubs = [];
const usedLinks = new Set();
for (const kind of kindNames) {
  const spec = KINDS[kind];
  const family = FAMILIES[spec.family];
  const words = { ...family.words, ...spec.words, ...CAMPUS_WORDS };
  // Kinds of the same family, whose sentences a club borrows now and then.
  const neighbours = kindNames.filter((other) => other !== kind && KINDS[other].family === spec.family);
  for (let i = 0; i < PER_KIND; i++) {
    let name;
    let link;
    do {
      const prefix = pick(PREFIXES);
      // Many clubs go by an acronym or a name that says nothing of what they do.
      name = chance(0.3) ? `${pick(ACRONYMS)} ${pick(GENERIC)}` : `${prefix} ${pick(spec.names)}`.trim();
      if (chance(0.3) && !name.includes('Berkeley')) name = `${name} at Berkeley`;
      link = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    } while (usedLinks.has(link));
    usedLinks.add(link);

    // Lengths vary as real pages do: a one-liner, a paragraph, or a long page. Most of a page is not
    // about the kind at all: the family's words, campus boilerplate, a neighbour's sentence or two.
    const length = pick([1, 2, 2, 3, 3, 4, 5, 6, 8]);
    const own = shuffle(spec.sentences).slice(0, Math.max(1, Math.round(length * 0.4)));
    const shared = shuffle(family.sentences).slice(0, Math.ceil(length * 0.3) + (chance(0.5) ? 1 : 0));
    const borrowed =
      neighbours.length > 0 && chance(0.55)
        ? shuffle(KINDS[pick(neighbours)].sentences).slice(0, pick([1, 1, 2]))
        : [];
    const boilerplate = shuffle(CAMPUS).slice(0, pick([0, 1, 2, 2, 3]));
    const neighbourWords = borrowed.length > 0 ? KINDS[pick(neighbours)].words : {};
    const about = [own[0], ...shuffle([...own.slice(1), ...shared, ...borrowed]), ...boilerplate]
      .map((sentence) => fill(sentence, { ...words, ...neighbourWords }))
      .join(' ');
    const involved = shuffle(INVOLVED)
      .slice(0, pick([0, 1, 1, 2]))
      .map((sentence) => fill(sentence, words))
      .join(' ');

    // Officers pick tags loosely: usually the kind's first, often a second, sometimes a stray one.
    const tags = new Set();
    if (chance(0.85)) tags.add(spec.tags[0]);
    for (const tag of spec.tags.slice(1)) if (chance(0.5)) tags.add(tag);
    if (chance(0.3)) tags.add(Math.floor(random() * TAGS.length));
    if (tags.size === 0) tags.add(pick(spec.tags));

    clubs.push({
      id: `${kind}-${String(i + 1).padStart(2, '0')}`,
      kind,
      family: spec.family,
      name,
      link_name: link,
      tags: [...tags].sort((a, b) => a - b),
      about_us: about,
      get_involved: involved,
    });
  }
}

// Kinds of a family that share vocabulary make the harder split: their queries must separate
// a dance crew from a theatre troupe, a consulting group from an investment club.
const HARD_FAMILIES = ['tech', 'perform', 'business', 'service'];
const evalSet = {
  description:
    'Evaluation set of the recommender: synthetic club pages written for this project (see generate-eval-set.mjs).',
  tags: TAGS.map((name, id) => ({ id, name })),
  kinds: Object.fromEntries(kindNames.map((kind) => [kind, KINDS[kind].family])),
  relevance: {
    rule: 'A club is relevant to a query club when it is another club of the same kind (grade 2); another club of the same family is related (grade 1, counted by nDCG only).',
    same_kind: 2,
    same_family: 1,
  },
  splits: {
    rule: 'Queries alternate: odd-numbered clubs of each kind tune the weights, even-numbered ones are held out. The hard split is the held-out queries of kinds in hard_families.',
    hard_families: HARD_FAMILIES,
  },
  clubs,
};
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'clubs.json');
writeFileSync(out, `${JSON.stringify(evalSet, null, 1)}\n`);
console.log(`wrote ${clubs.length} clubs of ${kindNames.length} kinds to ${out}`);
