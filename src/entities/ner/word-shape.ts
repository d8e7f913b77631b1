// Word shapes: map letters to X/x, digits to d, keep other characters. The long shape caps each run at
// four characters ("Xxxx", "dddd"), the short shape collapses runs ("Xx", "d.d").

/** Returns `[longShape, shortShape]` of a token, e.g. `["Xxxx", "Xx"]` for "Berlin". */
export function wordShape(token: string): [string, string] {
  let long = '';
  let short = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    let c: string;
    if (code >= 48 && code <= 57) c = 'd';
    else if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code < 128) c = token.charAt(i);
    else {
      const ch = token.charAt(i);
      c = ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    }
    if (c === last) {
      run++;
      if (run < 4) long += c;
    } else {
      run = 0;
      long += c;
      short += c;
      last = c;
    }
  }
  return [long, short];
}
