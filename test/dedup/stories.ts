// One wire story, a copy of it as another site prints it (a sentence dropped, one reworded, another title,
// page furniture around it), and a different story about the same people.
export const STORY = [
  'Olaf Scholz met Emmanuel Macron in Berlin on Tuesday to discuss the war in Ukraine and energy prices.',
  'The German chancellor said both countries would keep supplying air defence systems to Kyiv this winter.',
  'Macron told reporters in the chancellery that Europe had to buy more weapons from its own industry.',
  'Both leaders also agreed to speed up a joint project for a new fighter jet that has been delayed for years.',
  'Scholz said that talks with Vladimir Putin were not possible while Russian troops remained in Ukraine.',
  'The two governments plan to meet again in Paris in the spring, officials said after the meeting.',
  'Energy ministers of both countries will prepare a common plan for electricity grids before that meeting.',
  'Critics in the Bundestag said the summit produced many words but few concrete decisions on funding.',
].join('\n\n');

export const COPY = [
  'Read more:',
  ...STORY.split('\n\n')
    .filter((_, i) => i !== 6)
    .map((sentence, i) => (i === 3 ? sentence.replace('speed up', 'accelerate') : sentence)),
  'More stories',
  'Markets close higher as oil prices fall',
  'Share this article on Facebook Twitter Email',
  '© 2026 Example Media. All rights reserved.',
].join('\n\n');

export const OTHER_STORY = [
  'Emmanuel Macron received Olaf Scholz in Paris on Friday for a dinner about the European budget.',
  'The French president wants new common debt to pay for defence, which the chancellor has long refused.',
  'Scholz said after the dinner that Germany was ready to talk but would not change its position quickly.',
  'Advisers of both men said the mood had been friendly despite the open disagreement on money.',
  'A decision is expected at the summit of all member states in Brussels next month, diplomats said.',
].join('\n\n');
