package yamlscan

import "testing"

func TestStackChild(t *testing.T) {
	var s stackState
	for _, rel := range []string{"infra/stacks/db.yaml", "infra/main.yaml", "a/common.yaml", "b/common.yaml"} {
		s.addTemplate(rel, nil)
	}
	for _, c := range []struct{ from, url, want string }{
		{"infra/main.yaml", "./stacks/db.yaml", "infra/stacks/db.yaml"},
		{"infra/main.yaml", "stacks/db.yaml", "infra/stacks/db.yaml"},
		{"other/main.yaml", "infra/stacks/db.yaml", "infra/stacks/db.yaml"},
		{"infra/main.yaml", "https://bucket.s3.amazonaws.com/stacks/db.yaml", "infra/stacks/db.yaml"},
		{"infra/main.yaml", "https://s3.amazonaws.com/bucket/prefix/stacks/db.yaml", "infra/stacks/db.yaml"},
		// A file name alone, two candidates, a variable, a missing file.
		{"infra/main.yaml", "https://bucket.s3.amazonaws.com/db.yaml", ""},
		{"infra/main.yaml", "https://bucket.s3.amazonaws.com/x/common.yaml", ""},
		{"infra/main.yaml", "https://${Bucket}.s3.amazonaws.com/stacks/db.yaml", "infra/stacks/db.yaml"},
		{"infra/main.yaml", "https://bucket.s3.amazonaws.com/${Prefix}/db.yaml", ""},
		{"infra/main.yaml", "./${Dir}/db.yaml", ""},
		{"infra/main.yaml", "./stacks/cache.yaml", ""},
		{"infra/main.yaml", "", ""},
	} {
		if got, _ := s.child(c.from, c.url); got != c.want {
			t.Errorf("child(%q, %q) = %q, want %q", c.from, c.url, got, c.want)
		}
	}
}
