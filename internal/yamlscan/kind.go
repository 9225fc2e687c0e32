package yamlscan

import (
	"path"
	"strings"

	"go.yaml.in/yaml/v3"
)

// DocKind is the detected kind of a YAML document.
type DocKind string

// Document kinds.
const (
	KindCloudFormation DocKind = "cloudformation"
	KindKubernetes     DocKind = "kubernetes"
	KindCompose        DocKind = "compose"
	KindServerless     DocKind = "serverless"
	KindGitHubActions  DocKind = "github-actions"
	KindSpring         DocKind = "spring"
	KindECSTask        DocKind = "ecs-task-definition"
	KindIAMPolicy      DocKind = "iam-policy"
	KindBuildspec      DocKind = "codebuild-buildspec"
	KindGeneric        DocKind = "generic"
)

// Classify returns the kind of a document (a DocumentNode or its root),
// from its top-level keys and, where they are not enough, the file's slash
// path rel.
func Classify(doc *yaml.Node, rel string) DocKind {
	base := strings.ToLower(path.Base(rel))
	has := func(k string) bool { return rootNode(doc, k) != nil }
	mapping := func(k string) *yaml.Node {
		if v := rootNode(doc, k); v != nil && v.Kind == yaml.MappingNode {
			return v
		}
		return nil
	}
	switch {
	case has("AWSTemplateFormatVersion"), strings.HasPrefix(rootValue(doc, "Transform"), "AWS::"), cfnResources(mapping("Resources")):
		return KindCloudFormation
	case rootValue(doc, "apiVersion") != "" && rootValue(doc, "kind") != "":
		return KindKubernetes
	case has("containerDefinitions"), containerArray(doc):
		return KindECSTask
	case has("Version") && has("Statement"):
		return KindIAMPolicy
	case strings.Contains("/"+strings.ToLower(rel), "/.github/workflows/") && has("jobs"), has("jobs") && (has("on") || has("true")),
		compositeAction(mapping("runs")):
		// YAML 1.1 readers turn `on` into true; yaml.v3 keeps "on".
		return KindGitHubActions
	case has("service") && has("provider"), base == "serverless.yml" || base == "serverless.yaml":
		return KindServerless
	case has("phases") && (has("version") || strings.HasPrefix(base, "buildspec")):
		return KindBuildspec
	case mapping("services") != nil && (has("version") || strings.Contains(base, "compose") || composeServices(mapping("services"))):
		return KindCompose
	case has("spring"), strings.HasPrefix(base, "application") || strings.HasPrefix(base, "bootstrap"):
		return KindSpring
	}
	return KindGeneric
}

// compositeAction reports whether the runs mapping of an action.yml is a
// composite action's: `using: composite` and its steps.
func compositeAction(runs *yaml.Node) bool {
	return runs != nil && strings.EqualFold(rootValue(runs, "using"), "composite") && rootNode(runs, "steps") != nil
}

// cfnResources reports whether a Resources mapping holds a resource with
// an `AWS::` type.
func cfnResources(res *yaml.Node) bool {
	if res == nil {
		return false
	}
	for i := 1; i < len(res.Content); i += 2 {
		if strings.HasPrefix(rootValue(res.Content[i], "Type"), "AWS::") {
			return true
		}
	}
	return false
}

// composeServices reports whether a services mapping looks like
// docker-compose: a service with an image or a build.
func composeServices(svcs *yaml.Node) bool {
	for i := 1; i < len(svcs.Content); i += 2 {
		if rootNode(svcs.Content[i], "image") != nil || rootNode(svcs.Content[i], "build") != nil {
			return true
		}
	}
	return false
}
