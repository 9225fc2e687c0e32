package analyzer

import (
	"testing"

	"github.com/awsguard/secretlint"
)

// Every place phrase the analyzer names exists in rules.yaml; the evidence
// phrase takes the sink, then where it is.
func TestTexts(t *testing.T) {
	cat, err := secretlint.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []textID{placeLiteral, placeComment, placeConst, placeVar, placeAssign, placeField, placeFieldOf,
		placeMapKey, placeArg, placeArgOf, placeComparison, placeFallback, placeValueOf, placeCall, placeLiteralOf} {
		if !cat.HasPhrase(string(id)) {
			t.Errorf("phrase %s is not in rules.yaml", id)
		}
	}
	if got, want := cat.PhraseArgs(string(placeFieldOf), "ja", "Password", "Config"), "Config のフィールド Password"; got != want {
		t.Errorf("ja field-of place = %q, want %q", got, want)
	}
	for lang, want := range map[string]string{
		"en": " (reaches sql.Open in store.go:42)",
		"ja": "（store.go:42 の sql.Open に渡る）",
	} {
		if got := cat.Phrase("go_evidence_reaches", lang, "sink", "sql.Open", "where", "store.go:42"); got != want {
			t.Errorf("%s evidence = %q, want %q", lang, got, want)
		}
	}
}
