package match

import "regexp/syntax"

// minLen returns the fewest bytes a match of the parsed regex can span, or
// 0 when that cannot be told (a pattern that can match empty text).
func minLen(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		n := 0
		for _, r := range re.Rune {
			n += len(string(r))
		}
		return n
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpPlus:
		return minLen(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min * minLen(re.Sub[0])
	case syntax.OpConcat:
		n := 0
		for _, s := range re.Sub {
			n += minLen(s)
		}
		return n
	case syntax.OpAlternate:
		n := -1
		for _, s := range re.Sub {
			if l := minLen(s); n < 0 || l < n {
				n = l
			}
		}
		return max(n, 0)
	}
	return 0 // empty, anchors, word boundaries, star, quest
}

// regexMinLen is minLen of a pattern; 0 when it does not parse.
func regexMinLen(pattern string) int {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return 0
	}
	return minLen(re.Simplify())
}
