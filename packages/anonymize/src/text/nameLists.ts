import { normalizeForMatching } from './normalize.js';

/**
 * Word lists for the name detector: common Pakistani given names and family names (generic, very
 * frequent names in Latin and Urdu script, not any particular person) and the words that follow a cue
 * but are not names ("I am *worried*", "main *pareshan* hoon", "my name is *not* …").
 * A cue followed by a listed name counts even in lower case; an unlisted word counts only when it is
 * capitalised (Latin script) after a weak cue.
 */

const LATIN_GIVEN = `ayesha aisha ayisha fatima fatimah zainab zaineb maryam mariam sana hina sadia saadia saima amna
amina aamna nida rabia sidra iqra kiran mehwish mahnoor anum asma bushra farah hira huma javeria komal laiba
maham maira mehreen nadia naila nazia rida rimsha saba samina sobia sumaira tahira uzma zoya areeba alina
aleena anaya hafsa khadija sehrish shazia shabana rukhsana parveen perveen yasmin yasmeen zubaida ghazala
tania rubina nasreen kausar sumbul arooj hania minahil momina sawera zunaira aiman aqsa ammara anam beenish
fareeha farzana humaira ifra jaweria madiha misbah mehak naheed noreen nusrat rehana ruqayya saira salma
samreen shaista shumaila sumera tabassum tehmina urooj zakia zarish aliya kinza hamna fiza sara zara areej eshal
asim ali ahmed ahmad muhammad mohammad mohammed hamza hassan hasan hussain husain usman usmaan umar omar bilal
imran kamran faisal asad asif adnan arslan awais ayaan danish fahad farhan haider hamid haris imtiaz irfan
junaid kashif khalid nadeem naveed nasir noman nouman qasim rashid rizwan saad sajid salman shahid shahzad
shoaib sohail suhail tahir talha tariq umair waqas waseem wasim yasir zain zeeshan zubair abdullah rehan
raheel fawad jawad ibrahim yousaf yousuf yusuf idrees mubashir saqib zahid aamir babar ehsan furqan
ghulam jahangir mansoor muneeb mustafa obaid sarmad shehzad taimoor taimur waleed zohaib aftab akbar
anwar arif atif azhar ejaz faraz fraz hammad hanif ijaz ilyas iqbal jamil javed kaleem liaquat majid
mazhar moin mudassar muzammil nabeel naeem nauman pervaiz qaiser rafiq rauf sabir sami shakeel shakir
sharjeel tanveer tauseef usama uzair wahab yaseen zafar zaheer`;

const LATIN_FAMILY = `khan ahmed ali malik butt bhatti qureshi siddiqui sheikh shaikh chaudhry chaudhary chaudhri
raza rizvi shah syed sayed hussain baloch mengal bugti marri khattak yousafzai afridi mirza awan rana cheema
gondal jatoi memon soomro abbasi kazmi naqvi jafri jafry ansari javed iqbal akhtar aslam bibi begum nawaz
riaz mehmood mahmood anwar arshad ashraf hashmi gilani laghari bukhari zaidi farooq farooqi rajput jutt
niazi durrani tareen marwat wazir mughal qazi khawaja sulehri warraich virk sandhu kiyani kayani
gill jamali rind chandio talpur junejo magsi khoso pirzada`;

/** Urdu-script names as written, normalised when the set is built. */
const URDU_NAMES = `عائشہ فاطمہ زینب مریم ثنا ثناء حنا سعدیہ صائمہ آمنہ ندا رابعہ سدرہ اقرا اقراء کرن مہوش ماہ نور نور انعم
اسماء بشری فرح حرا ہما کومل نادیہ نازیہ رمشا صبا ثمینہ طاہرہ عظمی زویا حفصہ خدیجہ شازیہ شبانہ رخسانہ پروین
یاسمین زبیدہ غزالہ نسرین کوثر عروج منیحل مومنہ سویرا زنیرہ اقصی مہک سلمی شمائلہ تبسم
علی احمد محمد حمزہ حسن حسین عثمان عمر بلال عمران کامران فیصل اسد آصف عدنان ارسلان اویس دانش فہد فرحان
حیدر حامد حارث جنید کاشف خالد ندیم نوید ناصر قاسم رشید رضوان سعد ساجد سلمان شاہد شہزاد شعیب سہیل
طاہر طلحہ طارق عمیر وقاص وسیم یاسر زین ذیشان زبیر عبداللہ ابراہیم یوسف ریحان فواد جواد عامر بابر
خان ملک بٹ قریشی صدیقی شیخ چوہدری رضا شاہ سید بلوچ اعوان رانا میمن عباسی کاظمی نقوی انصاری جاوید
اقبال اختر اسلم بی بیگم`;

/**
 * Words that are never a name after a cue: articles, pronouns, verbs, adjectives, nationalities,
 * professions and Roman Urdu function words. Lower case; compared in lower case.
 */
const LATIN_STOP = `a an the not no yes so very really quite just also too still only here there now then
is am are was were be been being do does did have has had will would can could should shall may might must
and or but if because from with without for of to in on at by about as into after before since than that
this these those it its it's he she they we you i me my mine your his her their our them him us who whom
what which when where why how all any some every each both either neither one two three four five
student teacher doctor engineer nurse lawyer housewife worker farmer driver shopkeeper businessman
unemployed retired married single divorced widow widowed mother father sister brother wife husband
pakistani punjabi sindhi pashtun pathan baloch balochi saraiki muhajir kashmiri muslim christian hindu
sikh ahmadi male female woman women man men girl boy lady gentleman person human adult
worried happy sad angry afraid scared sure sorry fine okay ok good bad tired busy confused upset
concerned disappointed shocked ashamed glad lucky safe unsafe alone home here back going coming
writing talking telling asking saying trying working living staying studying from against agree disagree
totally completely strongly fully
hai hain hay he h hoon hun hu hoo hon hn tha thi thay the aur ya se ka ki ke ko ne mein main mai mae me
mn bhi to toh kya kyun kaise kab kahan jo wo woh yeh ye is us iss uss un in unka uska uski iska iski
apna apni apne mera meri mere hamara hamari tumhara aapka bohat bohot bahut bht bilkul zara thora thoda
pareshan khush naraz theek thik sahi galat acha achha bura sharminda majboor tayyar ready nahi nahin
nai na mat bas sirf pakistan lahore karachi islamabad rawalpindi peshawar quetta multan faisalabad
hyderabad gujranwala sialkot naam nam name call number phone mujhe mujh hum ham tum aap ap
lagta lagti lage kehna kehta kehti chahta chahti chahiye sab log logon kuch koi kisi yahan wahan ab phir
abhi kal aaj haram halal wrong right true false shameful disgusting unacceptable important serious
responsible sharam sharm shukriya thanks thank please plz hello hi salam assalam assalamualaikum dear
fia nccia drf pta peca police helpline cybercrime court lawyer government govt google facebook instagram
tiktok youtube whatsapp twitter snapchat telegram meta allah god everyone anyone someone nobody people them sir madam ji jee sahab sahib ok okay han haan ha jab tab lekin magar kyunke kyunki agar wese waise
pagal besharam beshram bewaqoof bewakoof ganda gandi buri chalu awara aawara badtameez badnaam jhoota jhooti kamina kameena
kamini beghairat ghatiya mota moti kala kali chota choti chhota chhoti pyar pyaar jaan baby bachi bacha behen behan bhai didi
apa baji aapi api leak leaked viral lena lete liya batana bataunga bataungi bataun bata pata yaad chupa chupana kharab kharaab
use istemal likhna likha diya dena mat poocho pucho puchein secret raaz hidden anonymous unknown confidential khud sabko sabse
gunah bilkul kabhi hamesha victim victims blackmail blackmailer harassment harass characterless bold modern liberal
none nothing irrelevant unimportant withheld bhaiya beta beti ammi abbu`;

const URDU_STOP = `ہے ہیں ہوں ہو تھا تھی تھے اور یا سے کا کی کے کو نے میں بھی تو کیا یہ وہ جو اس ان اپنا اپنی اپنے میرا
میری میرے ہمارا نہیں نہ مت بہت بالکل پریشان خوش ناراض ٹھیک غلط اچھا برا شرمندہ مجبور طالب علم استاد
ڈاکٹر پاکستانی مسلمان عورت مرد لڑکی لڑکا نام
پاگل بیوقوف بے شرم بےشرم گندی گندا بری آوارہ جھوٹا جھوٹی سب لوگ کچھ گھر والے بتاؤں بتاؤنگا بتاؤں گی لیک وائرل خراب بدنام
چھپا راز کبھی ہمیشہ باجی آپی بھیا بھائی جان بیٹا بیٹی امی ابو`;

/** Words that follow a platform cue ("insta pe …", "my tiktok …") but are not a handle. */
const HANDLE_STOP = `instagram insta ig tiktok snapchat snap facebook fb twitter telegram youtube yt discord linkedin likee bigo
whatsapp id handle username user account acc profile page channel add follow search dhoond dhoondo dhundo find check
karo karein kro message msg dm block report unfollow video videos reel reels post posts story stories live pic pics picture
pictures photo photos content comment comments follower followers following like likes share shares trend trending feed dp
status group groups chat chats inbox dms link links clip clips private public hacked hack banned blocked band deleted delete
fake new old real official verified suspended closed open best worst toxic addictive useless waste time dangerous famous
popular fun boring bohot bahut log logon sab koi kuch pe par per pr kar kiya gaya gayi hua hui raha rahi rahe karte karti
wala wali wale dekho dekha dekhi dekhte daali dali dala lagayi lagai lagi chalata chalati chalate use used using ban
trends dance dances meme memes news views songs song drama dramas ads ad scam scams filter filters challenge challenges
game games music entertainment education shopping recipes vlogs vlog`;

function wordSet(list: string, normalize: boolean): ReadonlySet<string> {
  const words = list.split(/\s+/).filter((word) => word.length > 0);
  return new Set(words.map((word) => (normalize ? normalizeForMatching(word).text : word.toLowerCase())));
}

/** Latin-script given names, lower case. */
export const LATIN_GIVEN_NAMES: ReadonlySet<string> = wordSet(LATIN_GIVEN, false);
/** Latin-script given and family names, lower case. */
export const LATIN_NAMES: ReadonlySet<string> = new Set([...LATIN_GIVEN_NAMES, ...wordSet(LATIN_FAMILY, false)]);
/** Urdu-script names, normalised. */
export const URDU_NAME_SET: ReadonlySet<string> = wordSet(URDU_NAMES, true);
/**
 * Listed Urdu names that also are family or caste names, titles or ordinary words (خان, شاہ, سید, بیگم,
 * نور "light", ماہ "month"): a value made of these alone is not taken for a person's name.
 */
export const URDU_NOT_FIRST_NAMES: ReadonlySet<string> = wordSet(
  'خان ملک بٹ قریشی صدیقی شیخ چوہدری رضا شاہ سید بلوچ اعوان رانا میمن عباسی کاظمی نقوی انصاری جاوید اقبال اختر اسلم بی بیگم نور ماہ',
  true,
);
/** Latin-script words that are not names, lower case. */
export const LATIN_STOPWORDS: ReadonlySet<string> = wordSet(LATIN_STOP, false);
/** Urdu-script words that are not names, normalised. */
export const URDU_STOPWORDS: ReadonlySet<string> = wordSet(URDU_STOP, true);
/** Words that are never a handle after a platform cue: the name stop words and platform vocabulary. */
export const HANDLE_STOPWORDS: ReadonlySet<string> = new Set([...LATIN_STOPWORDS, ...URDU_STOPWORDS, ...wordSet(HANDLE_STOP, false)]);
