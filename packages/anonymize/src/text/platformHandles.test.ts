import { describe, expect, it } from 'vitest';
import { detectPlatformHandles } from './platformHandles.js';
import { scrubText } from './scrub.js';

// Synthetic handles only, made from generic names.
const scrub = (text: string): string => scrubText(text).text;

describe('handles without @ after a platform cue', () => {
  it('after a colon, dash or "id is"', () => {
    expect(scrub('insta: sana.k22')).toBe('insta: [HANDLE]');
    expect(scrub('IG - ali_raza keeps posting my pics')).toBe('IG - [HANDLE] keeps posting my pics');
    expect(scrub('my tiktok id is hinakhan')).toBe('my tiktok id is [HANDLE]');
    expect(scrub('Snapchat: zoyam, she sent the clip')).toBe('Snapchat: [HANDLE], she sent the clip');
    expect(scrub('tiktok username: bilal_92')).toBe('tiktok username: [HANDLE]');
  });

  it('by the handle shape or a verb around it', () => {
    expect(scrub('find me on insta hina_92')).toBe('find me on insta [HANDLE]');
    expect(scrub('snapchat pe add karo sanakhan')).toBe('snapchat pe add karo [HANDLE]');
    expect(scrub('add me on snap zoyamalik')).toBe('add me on snap [HANDLE]');
    expect(scrub('tiktok pe iqra_vlogs search karo')).toBe('tiktok pe [HANDLE] search karo');
    expect(scrub('meri insta id rabiakhan hai')).toBe('meri insta id [HANDLE] hai');
  });

  it('a profile name before "naam se", also in Urdu', () => {
    expect(scrub('fb pe Ayesha Malik naam se fake account hai')).toBe('fb pe [HANDLE] naam se fake account hai');
    expect(scrub('facebook par sidra qureshi ke naam se page hai')).toBe('facebook par [HANDLE] ke naam se page hai');
    expect(scrub('فیس بک پر ثنا خان کے نام سے جعلی اکاؤنٹ ہے')).toBe('فیس بک پر [HANDLE] کے نام سے جعلی اکاؤنٹ ہے');
  });

  it('a Latin handle after an Urdu platform cue', () => {
    expect(scrub('میری انسٹا آئی ڈی sana_k22 ہے')).toBe('میری انسٹا آئی ڈی [HANDLE] ہے');
    expect(scrub('ٹک ٹاک پر hamza.vlogs دیکھیں')).toBe('ٹک ٹاک پر [HANDLE] دیکھیں');
  });

  it('takes a handle ending in .pk after a cue as a handle, not a link', () => {
    expect(scrub('insta: junaid.pk')).toBe('insta: [HANDLE]');
    expect(scrub('see instagram.com/junaid.pk')).toBe('see [URL]');
  });

  it('leaves talk about platforms alone', () => {
    for (const text of [
      'insta pe bohat log hain',
      'my tiktok account was hacked',
      'tiktok is haram according to some',
      'my insta id is private',
      'youtube: educational videos only',
      'instagram - mostly reels',
      'snapchat pe add karo mat',
      'insta pe 10k followers',
      'meri insta id band hai',
      'I saw it on Facebook yesterday',
      'tiktok: waste of time',
      'انسٹا پر بہت لوگ ہیں',
      'فیس بک پر ویڈیو شیئر ہوئی',
      'I spend 4 hours a day on TikTok.',
    ]) {
      expect(detectPlatformHandles(text)).toEqual([]);
      expect(scrub(text)).toBe(text);
    }
  });
});
