resource "aws_docdb_cluster" "good_example" {
  cluster_identifier              = "my-docdb-cluster"
  master_username                 = "foo"
  master_password                 = "mustbeeightchars"
  enabled_cloudwatch_logs_exports = "profiler"
}
