import { describe, expect, it } from 'vitest';
import { detectNames } from './names.js';
import { scrubText } from './scrub.js';

const scrub = (text: string): string => scrubText(text).text;

describe('names after cue phrases', () => {
  it('English cues', () => {
    expect(scrub('My name is Ayesha Khan and I was blamed.')).toBe('My name is [NAME] and I was blamed.');
    expect(scrub('my name is sana and i live in Karachi')).toBe('my name is [NAME] and i live in Karachi');
    expect(scrub('I am Bilal from Lahore')).toBe('I am [NAME] from Lahore');
    expect(scrub('Hi, this is Zarmeena')).toBe('Hi, this is [NAME]');
    expect(scrub('my sister Hina was harassed')).toBe('my sister [NAME] was harassed');
    expect(scrub('Name: Ali Raza Qureshi')).toBe('Name: [NAME]');
    expect(scrub("I'm Sara, 22")).toBe("I'm [NAME], 22");
  });

  it('Roman Urdu cues with spelling variants, without the following verb', () => {
    expect(scrub('mera naam Ayesha Siddiqui hai')).toBe('mera naam [NAME] hai');
    expect(scrub('mera nam fatima hai')).toBe('mera nam [NAME] hai');
    expect(scrub('mera naam Hina hai')).toBe('mera naam [NAME] hai');
    expect(scrub('main Ayesha hoon')).toBe('main [NAME] hoon');
    expect(scrub('mai ali raza hun')).toBe('mai [NAME] hun');
    expect(scrub('mein Ayesha hoon')).toBe('mein [NAME] hoon');
    expect(scrub('Tell Bilal to stop')).toBe('Tell [NAME] to stop');
    expect(scrub('meri behen fatima ko blackmail kiya')).toBe('meri behen [NAME] ko blackmail kiya');
    expect(scrub('uska naam Hira Javed hai')).toBe('uska naam [NAME] hai');
  });

  it('Urdu cues, also with Arabic letter forms', () => {
    expect(scrub('میرا نام عائشہ ہے')).toBe('میرا نام [NAME] ہے');
    expect(scrub('میرا نام عائشہ خان ہے')).toBe('میرا نام [NAME] ہے');
    expect(scrub('ميرا نام فاطمه ہے')).toBe('ميرا نام [NAME] ہے');
    expect(scrub('میں علی ہوں')).toBe('میں [NAME] ہوں');
    expect(scrub('میری بہن زینب کو دھمکیاں ملیں')).toBe('میری بہن [NAME] کو دھمکیاں ملیں');
  });

  it('leaves words that are not names after weak cues', () => {
    for (const text of [
      'I am worried about my sister',
      'I am Pakistani and I am a student',
      'main pareshan hoon',
      'main bhi is baat se agree karti hoon',
      'میں پریشان ہوں',
      'This is wrong',
      'I am 25 years old',
      'call me later',
      'meri behen bhi pareshan hai',
      'my name is not important',
      'Ask Google or contact Facebook',
      'This is PECA, tell Them',
    ]) {
      expect(detectNames(text)).toEqual([]);
    }
  });

  it('captures at most three tokens', () => {
    expect(scrub('my name is Ali Raza Khan Qureshi')).toBe('my name is [NAME] Qureshi');
  });

  it('names after "ka naam X hai", "mujhe X kehte hain" and their Urdu forms', () => {
    expect(scrub('meri behen ka naam Hira hai')).toBe('meri behen ka naam [NAME] hai');
    expect(scrub('us larki ka naam zarmeena tha')).toBe('us larki ka naam [NAME] tha');
    expect(scrub('mere dost ka naam hai Daniyal')).toBe('mere dost ka naam hai [NAME]');
    expect(scrub('mujhe Shanzay kehte hain')).toBe('mujhe [NAME] kehte hain');
    expect(scrub('log mujhe guddu kehte hain')).toBe('log mujhe [NAME] kehte hain');
    expect(scrub('sab mujhe Sunny bulate hain')).toBe('sab mujhe [NAME] bulate hain');
    expect(scrub('usay Bilal bulate hain')).toBe('usay [NAME] bulate hain');
    expect(scrub('میری بہن کا نام زینب ہے')).toBe('میری بہن کا نام [NAME] ہے');
    expect(scrub('اس لڑکے کا نام عثمان خان تھا')).toBe('اس لڑکے کا نام [NAME] تھا');
    expect(scrub('مجھے حنا کہتے ہیں')).toBe('مجھے [NAME] کہتے ہیں');
    expect(scrub('گھر والے مجھے گڑیا بلاتے ہیں')).toBe('گھر والے مجھے [NAME] بلاتے ہیں');
  });

  it('leaves refusals, insults and the names of things after those cues', () => {
    for (const text of [
      'mera naam nahi bataunga',
      'mera naam mat poocho',
      'my name is none of your business',
      'log mujhe pagal kehte hain',
      'ise victim blaming kehte hain',
      'usay blackmail kehte hain',
      'uske ghar ka naam bohat acha hai',
      'mujhe kuch nahi kehte',
      'میرا نام نہیں بتاؤں گی',
      'لوگ مجھے پاگل کہتے ہیں',
      'اسے ہراسانی کہتے ہیں',
      'اس کام کا نام ہراسانی ہے',
      'مجھے سب باجی کہتے ہیں',
      'main 25 saal ka hoon',
    ]) {
      expect(scrub(text)).toBe(text);
    }
  });
});
