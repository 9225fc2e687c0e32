// Package staticawscredentials is the fixture of the static-aws-credentials
// rule, over stand-ins of the SDK packages at their real import paths. All
// values are synthetic.
package staticawscredentials

import (
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	credv1 "github.com/aws/aws-sdk-go/aws/credentials"

	local "static-aws-credentials/credentials"
)

func badV2() aws.Config {
	return aws.Config{
		Region:      "ap-northeast-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKIA2ZXDQTGSPBGUOWXB", "3uwK7d3OfvsOs2uxV6p3akugaajXOJfMs8lb+ZJu", ""), // want `^static AWS credentials built from literals in call to credentials.NewStaticCredentialsProvider$`
	}
}

func badV2MultiLine() credentials.StaticCredentialsProvider {
	return credentials.NewStaticCredentialsProvider( // want `^static AWS credentials built from literals in call to credentials.NewStaticCredentialsProvider$`
		"AKIAUG6PYQVIUN2GEORC",
		"zlR5WI0UD2wkIUUhbOU8twBSDhMqQc+p1B3DB9n3",
		"",
	)
}

func badV2Literal() aws.Credentials {
	return aws.Credentials{AccessKeyID: "AKIAORZGR5FZVNTIWXBN", SecretAccessKey: "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"} // want `^static AWS credentials built from literals in aws.Credentials literal$`
}

func badV1() *credv1.Credentials {
	return credv1.NewStaticCredentials("AKIAUTF2LAOJ5NLC5YMY", "UvUFKthOkuyjwku8faeKVa0EKTU4aJwcp+t69KsO", "") // want `^static AWS credentials built from literals in call to credv1.NewStaticCredentials$`
}

func badV1Value() *credv1.Credentials {
	return credv1.NewStaticCredentialsFromCreds(credv1.Value{AccessKeyID: "AKIA3GUKIAS5KRNOUGNG", SecretAccessKey: "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"}) // want `^static AWS credentials built from literals in credv1.Value literal$`
}

// Credentials from the environment, placeholders, documented-example shapes
// and a local package named credentials.

func goodEnv() credentials.StaticCredentialsProvider {
	return credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")
}

// Words for values, as in unit tests of credential caches.
func goodWords() aws.Credentials {
	return aws.Credentials{AccessKeyID: "accessKey", SecretAccessKey: "secretKey"}
}

func goodLocalStack() credentials.StaticCredentialsProvider {
	return credentials.NewStaticCredentialsProvider("test", "test", "")
}

func goodExample() credentials.StaticCredentialsProvider {
	return credentials.NewStaticCredentialsProvider("AKIAQ7TMXZ4RWEXAMPLE", "q8Zk2vN0pWx7Rt4LmB9sYc1HdF6gEXAMPLEKEY", "")
}

func goodLocal() string {
	return local.NewStaticCredentialsProvider("app-user", "app-role", "ap-northeast-1")
}

func goodVariables(id, secret string) aws.Credentials {
	return aws.Credentials{AccessKeyID: id, SecretAccessKey: secret}
}
