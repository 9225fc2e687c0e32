resource "aws_launch_template" "good_example" {
  image_id      = "ami-12345667"
  instance_type = "t2.small"
  user_data     = <<EOF
	 export GREETING=hello
EOF
}
