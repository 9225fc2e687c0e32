package cfn

import "go.yaml.in/yaml/v3"

// Branches returns the values a property may take once its `Fn::If`
// conditions are chosen: n itself when it is no `Fn::If`, else the
// branches of every `Fn::If` it nests, without `Ref AWS::NoValue` (the
// property left unset). Every branch counts, as in Eval.
func Branches(n *yaml.Node) []*yaml.Node {
	return branches(n, nil, 0)
}

// maxBranchDepth bounds the nesting of Fn::If that Branches follows.
const maxBranchDepth = 16

func branches(n *yaml.Node, out []*yaml.Node, depth int) []*yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil {
		return out
	}
	fn, arg := Intrinsic(n)
	switch fn {
	case "Fn::If":
		if depth >= maxBranchDepth || arg.Kind != yaml.SequenceNode || len(arg.Content) != 3 {
			return out
		}
		out = branches(arg.Content[1], out, depth+1)
		return branches(arg.Content[2], out, depth+1)
	case "Ref":
		if arg.Kind == yaml.ScalarNode && arg.Value == "AWS::NoValue" {
			return out
		}
	}
	return append(out, n)
}
