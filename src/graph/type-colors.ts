// The colour of each entity type, in exports and in the explorer's legend.

export const TYPE_COLORS: Record<string, string> = {
  person: '#e4572e',
  organization: '#17bebb',
  location: '#76b041',
  other: '#a0a0a0',
};
