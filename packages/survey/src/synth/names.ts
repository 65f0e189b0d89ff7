/**
 * Common Pakistani given names and family names for fake respondents, in Latin and Urdu script.
 * Generic names only: no public figure's name is intended, and combinations that match a well-known
 * person are re-drawn (see `WELL_KNOWN`).
 */
export type Name = readonly [latin: string, urdu: string];

export const FEMALE_GIVEN: readonly Name[] = [
  ['Ayesha', 'عائشہ'], ['Fatima', 'فاطمہ'], ['Sana', 'ثنا'], ['Hina', 'حنا'], ['Amna', 'آمنہ'],
  ['Sadia', 'سعدیہ'], ['Rabia', 'رابعہ'], ['Nida', 'ندا'], ['Iqra', 'اقرا'], ['Saima', 'صائمہ'],
  ['Kiran', 'کرن'], ['Noor', 'نور'], ['Zainab', 'زینب'], ['Asma', 'اسما'], ['Bushra', 'بشریٰ'],
  ['Farah', 'فرح'], ['Huma', 'ہما'], ['Javeria', 'جویریہ'], ['Kinza', 'کنزہ'], ['Laiba', 'لائبہ'],
  ['Mahnoor', 'ماہ نور'], ['Nadia', 'نادیہ'], ['Rida', 'ردا'], ['Sobia', 'صوبیہ'], ['Tahira', 'طاہرہ'],
  ['Uzma', 'عظمیٰ'], ['Aliya', 'عالیہ'], ['Sidra', 'سدرہ'], ['Samina', 'ثمینہ'], ['Shazia', 'شازیہ'],
  ['Nazia', 'نازیہ'], ['Sumaira', 'سمیرا'], ['Anam', 'انعم'], ['Hafsa', 'حفصہ'], ['Areeba', 'اریبہ'],
];

export const MALE_GIVEN: readonly Name[] = [
  ['Ahmed', 'احمد'], ['Ali', 'علی'], ['Hassan', 'حسن'], ['Usman', 'عثمان'], ['Bilal', 'بلال'],
  ['Hamza', 'حمزہ'], ['Umar', 'عمر'], ['Zain', 'زین'], ['Faisal', 'فیصل'], ['Kamran', 'کامران'],
  ['Adnan', 'عدنان'], ['Asad', 'اسد'], ['Tariq', 'طارق'], ['Naveed', 'نوید'], ['Saad', 'سعد'],
  ['Waqas', 'وقاص'], ['Junaid', 'جنید'], ['Arslan', 'ارسلان'], ['Danish', 'دانش'], ['Farhan', 'فرحان'],
  ['Irfan', 'عرفان'], ['Kashif', 'کاشف'], ['Nadeem', 'ندیم'], ['Rizwan', 'رضوان'], ['Sajid', 'ساجد'],
  ['Salman', 'سلمان'], ['Shahzad', 'شہزاد'], ['Sohail', 'سہیل'], ['Yasir', 'یاسر'], ['Zubair', 'زبیر'],
  ['Abdullah', 'عبداللہ'], ['Asim', 'عاصم'], ['Haris', 'حارث'], ['Rehan', 'ریحان'], ['Mudassar', 'مدثر'],
];

export const FAMILY: readonly Name[] = [
  ['Khan', 'خان'], ['Ahmed', 'احمد'], ['Hussain', 'حسین'], ['Shah', 'شاہ'], ['Malik', 'ملک'],
  ['Butt', 'بٹ'], ['Qureshi', 'قریشی'], ['Siddiqui', 'صدیقی'], ['Sheikh', 'شیخ'], ['Chaudhry', 'چوہدری'],
  ['Raza', 'رضا'], ['Abbasi', 'عباسی'], ['Baloch', 'بلوچ'], ['Memon', 'میمن'], ['Awan', 'اعوان'],
  ['Mirza', 'مرزا'], ['Javed', 'جاوید'], ['Iqbal', 'اقبال'], ['Akhtar', 'اختر'], ['Rana', 'رانا'],
  ['Bhatti', 'بھٹی'], ['Hashmi', 'ہاشمی'], ['Gill', 'گل'], ['Khattak', 'خٹک'], ['Soomro', 'سومرو'],
  ['Jamali', 'جمالی'], ['Rind', 'رند'], ['Anwar', 'انور'], ['Aslam', 'اسلم'], ['Naqvi', 'نقوی'],
];

/** Given + family combinations that name well-known people: never generated. */
export const WELL_KNOWN: ReadonlySet<string> = new Set([
  'Faisal Qureshi', 'Hamza Abbasi', 'Sana Javed', 'Ayesha Khan', 'Nadia Khan', 'Junaid Khan', 'Kashif Abbasi',
  'Nadeem Malik', 'Ahmed Ali', 'Hina Khan', 'Sadia Khan', 'Zainab Abbasi', 'Farhan Ali', 'Ali Khan', 'Hassan Ali',
  'Usman Khan', 'Bilal Khan', 'Salman Khan', 'Shahzad Ahmed', 'Umar Akhtar', 'Asad Shah', 'Saima Akhtar', 'Bushra Ansari',
]);
