package yamlscan

import "go.yaml.in/yaml/v3"

func (f *fileScan) springDocument(root *yaml.Node) {}
