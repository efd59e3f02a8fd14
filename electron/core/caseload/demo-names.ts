/**
 * Invented names for demonstration records, from many cultures and written in their own scripts,
 * so the app, search and PDFs are tried with the names advocates really meet. Combinations are
 * random: no record describes a real person.
 */
export const demoFirstNames = [
  'Amara', 'Oliver', 'Zofia', 'Mohammed', 'Aaliyah', 'Kacper', 'Leah', 'Tariq', 'Chloe', 'Jayden', 'Freya', 'Kwame', 'Siobhan',
  'Dawit', 'Hana', 'Ioana', 'Luca', 'Priya', 'Rhys', 'Yusuf', 'Ebony', 'Callum', 'Mei', 'Nkechi', 'Tomasz', 'Ruby', 'Kai',
  'Aisha', 'Ellis', 'Farhan', 'Grace', 'Kofi', 'Lena', 'Musa', 'Nia', 'Ravi', 'Skye', 'Tyler', 'Zainab', 'Alfie', 'Bilal',
  'Darius', 'Esme', 'Fatima', 'Harvey', 'Imani', 'Jakub', 'Kezia', 'Maja', 'Noor', 'Oskar', 'Precious', 'Reggie', 'Sami',
  'محمد', 'فاطمة', 'زينب', 'احمد', 'نور', 'احمد شاه', 'گل', 'ملالی', 'هاوژین', 'ئاسۆ', 'ዳዊት', 'ሰላም', 'ሄለን', 'ዮናስ', 'ሚካኤል',
  'Nguyễn Thảo', 'Minh', 'Huyền', 'Łukasz', 'Małgorzata', 'Żaneta', 'Dominika', 'Mădălina', 'Ștefan', 'Şebnem', 'Çağla',
  'Νίκος', 'Ελένη', 'Ольга', 'Дмитро', 'Анастасія', 'প্রিয়া', 'রাহুল', 'ਹਰਪ੍ਰੀਤ', 'ગીતા', 'आरव', 'أمينة', 'یاسمین', '李娜', '王伟', '陈静',
  'Chidi', 'Adaeze', 'Olumide', 'Temitope', 'Abdirahman', 'Hodan', 'Ayaan', 'Faisal', 'Sinéad', 'Ciarán', 'Eilidh', 'Rhiannon',
] as const;

export const demoLastNames = [
  'Smith', 'Okafor', 'Kowalski', 'Haddad', 'Begum', 'Nowak', 'Ahmed', 'Jones', 'Mensah', 'Murphy', 'Tesfaye', 'Popescu',
  'Rossi', 'Patel', 'Evans', 'Yilmaz', 'Campbell', 'Chen', 'Adeyemi', 'Wiśniewski', 'Hussain', 'Brown', 'Osei', 'Khan',
  'Williams', 'Ali', 'Taylor', 'Mohamud', 'Walsh', 'Asante', 'Dumitru', 'Zielińska', 'Singh', 'Kaur', 'Davies', 'Mahmoud',
  'O’Brien', 'Ó Súilleabháin', 'MacLeod', 'Nwosu', 'Tran', 'Phạm', 'Lê', 'Hoang', 'Abebe', 'Gebremedhin', 'Karimi', 'Rahimi',
  'حداد', 'الحسيني', 'نوری', 'احمدزی', 'کریمی', 'بارزانی', 'ئەحمەد', 'ገብረሚካኤል', 'ተስፋዬ', 'አበበ', 'Ковальчук', 'Шевченко',
  'Παπαδόπουλος', 'Γεωργίου', 'চৌধুরী', 'ইসলাম', 'ਸਿੰਘ', 'पटेल', 'शर्मा', '李', '王', '陈', 'Nguyễn', 'Trần', 'Öztürk', 'Şahin',
] as const;

export const demoAdvocateNames = [
  'Joanna Pryce', 'Marcus Adebayo', 'Hannah Lewandowska', 'Imran Siddiqui', 'Beth Holloway', 'Tendai Moyo', 'Rachel Ferguson',
  'Sunita Rao', 'Gareth Pugh', 'Aylin Demir', 'Chiara Bianchi', 'Owen Maguire', 'Selam Haile', 'Dan Whitfield', 'Nadia Barakat',
  'Kerry-Ann Thompson', 'Pawel Zielinski', 'Laura Mackintosh', 'Femi Akinola', 'Sophie Carter', 'Hamid Noori', 'Jess Archer',
  'Mariam Yusuf', 'Tom Bradshaw', 'Anika Bose', 'Lewis Grant', 'Ewa Mazur', 'Kieran Doyle', 'Grace Oduya', 'Vikram Nair',
] as const;

export const demoLocalAuthorities = [
  'Kent', 'Essex', 'Birmingham', 'Manchester', 'Leeds', 'Bristol', 'Norfolk', 'Lancashire', 'Hampshire', 'Devon', 'Croydon',
  'Southwark', 'Lambeth', 'Newham', 'Sheffield', 'Nottingham', 'Leicester', 'Coventry', 'Cumberland', 'Northumberland',
] as const;

/** In the young person's own words, and the outcome they want, by issue code. */
export const demoIssueWords: Record<string, readonly (readonly [string, string])[]> = {
  PLACEMENT: [
    ['I don’t feel safe where I live now and nobody is listening', 'To move somewhere I feel safe'],
    ['My placement is two hours from my school and my friends', 'A placement nearer home'],
  ],
  CONTACT: [
    ['I haven’t seen my little brother since Christmas', 'To see my brother every month'],
    ['Contact with my mum keeps getting cancelled', 'Contact that actually happens'],
  ],
  SOCIAL_WORKER: [
    ['I have had four social workers this year', 'One social worker who stays'],
    ['My social worker never calls back', 'To be told what is happening'],
  ],
  EDUCATION: [
    ['I was excluded and I have no school place', 'To get back into school'],
    ['I want to go to college but nobody has helped me apply', 'Help with my college application'],
  ],
  HOUSING: [
    ['I am sofa surfing and was told to go to housing', 'Somewhere safe to live'],
    ['The flat they offered has damp and no furniture', 'A flat I can actually live in'],
  ],
  LEAVING_CARE: [
    ['I turned 18 and my support just stopped', 'The leaving care money I am owed'],
    ['I don’t have a pathway plan', 'A pathway plan I helped write'],
  ],
  PA: [['My personal adviser left and no one replaced them', 'A new PA']],
  COMPLAINT: [
    ['I want to complain about how my review was handled', 'An apology and a proper review'],
    ['They shared my information without asking me', 'To know who has my information'],
  ],
  CP_MEETINGS: [['I want my views read out at the conference', 'My views heard at the meeting']],
  SUPPORT_AT_MEETINGS: [['I get nervous at my CIC review', 'Someone with me at my review']],
  FGC: [['I want my nan to be at the family meeting', 'My nan included in the plan']],
  HEALTH: [['I have been waiting a year for CAMHS', 'To be seen by CAMHS']],
  IMMIGRATION: [['I don’t know what is happening with my papers', 'Help understanding my asylum claim']],
  DISABILITY: [['I need my communication book at meetings', 'My communication needs met']],
  YOUNG_PARENT: [['I am worried they will take my baby', 'To keep my baby with me']],
  OTHER: [['I want my phone back', 'My phone returned']],
};
