resource "aws_instance" "good_example" {
  ami           = "ami-12345667"
  instance_type = "t2.small"

  user_data = <<EOF
	 export GREETING=hello
 EOF
}
