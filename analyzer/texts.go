package analyzer

// The {place} phrases of rules.yaml, which name where a value is (never the
// value). Each takes its params by position, in the order rules.yaml
// declares them.

// textID is the ID of a phrase of rules.yaml.
type textID string

// Phrase IDs.
const (
	placeLiteral    textID = "go_place_string_literal"
	placeComment    textID = "go_place_comment"
	placeConst      textID = "go_place_const"
	placeVar        textID = "go_place_var"
	placeAssign     textID = "go_place_assignment"
	placeField      textID = "go_place_field"
	placeFieldOf    textID = "go_place_field_of"
	placeMapKey     textID = "go_place_map_key"
	placeArg        textID = "go_place_argument"
	placeArgOf      textID = "go_place_argument_of"
	placeComparison textID = "go_place_comparison"
	placeFallback   textID = "go_place_fallback"
	placeValueOf    textID = "go_place_value_of"
	placeCall       textID = "go_place_call"
	placeLiteralOf  textID = "go_place_literal_of"
)
