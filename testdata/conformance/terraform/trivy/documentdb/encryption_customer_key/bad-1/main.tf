resource "aws_docdb_cluster" "docdb" {
  cluster_identifier  = "my-docdb-cluster"
  master_username     = "foo"
  master_password     = "mustbeeightchars"
  skip_final_snapshot = true
}
