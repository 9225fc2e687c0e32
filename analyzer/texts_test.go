package analyzer

import (
	"fmt"
	"testing"

	"github.com/awsguard/secretlint/internal/storeflow"
)

func TestTexts(t *testing.T) {
	if string(textEvidence) != storeflow.PhraseEvidence {
		t.Errorf("evidence phrase ID %q, storeflow asks for %q", textEvidence, storeflow.PhraseEvidence)
	}
	for id, p := range texts {
		if p.en == "" || p.ja == "" {
			t.Errorf("phrase %s lacks a language: %q", id, p)
		}
	}
	// The evidence phrase takes the sink, then where it is.
	for lang, want := range map[string]string{
		"en": " (reaches sql.Open in store.go:42)",
		"ja": "（store.go:42 の sql.Open に渡る）",
	} {
		if got := fmt.Sprintf(text(textEvidence, lang), "sql.Open", "store.go:42"); got != want {
			t.Errorf("%s evidence = %q, want %q", lang, got, want)
		}
	}
}
