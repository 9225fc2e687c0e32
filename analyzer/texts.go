package analyzer

// The texts the analyzers put into messages, besides the rule messages of
// rules.yaml: the {place} phrases, which name where a value is (never the
// value), and the {evidence} phrase of the store rules. Each phrase has a
// stable snake_case ID and a format in English and Japanese.

// textID is the ID of a phrase of texts.
type textID string

// Phrase IDs.
const (
	placeLiteral    textID = "place_string_literal"
	placeComment    textID = "place_comment"
	placeConst      textID = "place_const"
	placeVar        textID = "place_var"
	placeAssign     textID = "place_assignment"
	placeField      textID = "place_field"
	placeFieldOf    textID = "place_field_of"
	placeMapKey     textID = "place_map_key"
	placeArg        textID = "place_argument"
	placeArgOf      textID = "place_argument_of"
	placeComparison textID = "place_comparison"
	placeFallback   textID = "place_fallback"
	placeValueOf    textID = "place_value_of"
	placeCall       textID = "place_call"
	placeLiteralOf  textID = "place_literal_of"
	// textEvidence is storeflow.PhraseEvidence: a sink's description, then
	// its file:line.
	textEvidence textID = "evidence_reaches"
)

// phrase is a format in each language.
type phrase struct{ en, ja string }

// texts are the phrases by ID.
var texts = map[textID]phrase{
	placeLiteral:    {"string literal", "文字列リテラル"},
	placeComment:    {"comment", "コメント"},
	placeConst:      {"const %s", "定数 %s"},
	placeVar:        {"var %s", "変数 %s"},
	placeAssign:     {"assignment to %s", "%s への代入"},
	placeField:      {"field %s", "フィールド %s"},
	placeFieldOf:    {"field %s of %s", "%[2]s のフィールド %[1]s"},
	placeMapKey:     {"map key %q", "マップのキー %q"},
	placeArg:        {"argument %s of %s", "%[2]s の引数 %[1]s"},
	placeArgOf:      {"argument of %s", "%s の引数"},
	placeComparison: {"comparison with %s", "%s との比較"},
	placeFallback:   {"fallback of %s", "%s のフォールバック値"},
	placeValueOf:    {"value of %s", "%s の値"},
	placeCall:       {"call to %s", "%s の呼び出し"},
	placeLiteralOf:  {"%s literal", "%s リテラル"},
	textEvidence:    {" (reaches %[1]s in %[2]s)", "（%[2]s の %[1]s に渡る）"},
}

// text returns the format of a phrase in a language: Japanese for ja,
// English otherwise.
func text(id textID, lang string) string {
	p := texts[id]
	if lang == "ja" {
		return p.ja
	}
	return p.en
}
