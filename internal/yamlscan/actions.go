package yamlscan

import "go.yaml.in/yaml/v3"

func (f *fileScan) actionsDocument(root *yaml.Node) {}
