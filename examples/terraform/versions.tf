terraform {
  required_version = ">= 1.11"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias      = "legacy"
  region     = var.region
  access_key = "AKIAHI756J6UVZRA4MOH"
  secret_key = var.legacy_secret_key
}
