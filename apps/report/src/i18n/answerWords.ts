/**
 * English words that begin answer labels and group names in surveys ("Strongly agree", "Male",
 * "Urban", "Primary school"): inside a sentence they are written in lower case. A label whose first
 * word is neither here nor written in lower case anywhere in the codebook keeps its capital, since it
 * may be a name ("Hyderabad", "Matric", "TikTok"). A string table, not logic.
 */
export const ANSWER_WORDS: ReadonlySet<string> = new Set(
  `a about above absolutely access accept active adult adults after age aged agree agreement all almost alone always an and another any
  anything apartment at average bad badly below better between big both boys bought business can cannot certain child children city
  class college completely concern concerned correct couple daily day days definitely degree did disagree disagreement divorced do does
  doing dont don't each early easy either employed employee every everyday everyone excellent extremely fair fairly false family farmer
  female few finished first fixed for free frequently from full girls good great half hardly has have having high higher home house
  household housewife how however in incorrect informal it just large last less little lived living low lower main male man many
  married may maybe me medium men middle mixed moderate moderately monthly more most mostly much my neither never new next no nobody
  none nor normal not nothing now occasionally of off often old older on once one online only or other others out over own paid part
  partly people per poor positive possibly prefer primary private probably public quite rarely rather refused regular regularly
  retired rural same transgender secondary self selected separated several she single slightly small so some someone something sometimes somewhat
  still strongly student students such sure teacher than that the they this those three time times to too total town true two
  under unemployed unsure up upper urban usually very village weekly well widowed with without woman women worse yearly yes young
  younger`
    .split(/\s+/)
    .filter(Boolean),
);
