// Package hardcodedtoken is the fixture of the hardcoded-token rule: known
// token formats in literals, folded constants and comments. All values are
// synthetic.
package hardcodedtoken

import "fmt"

const awsKeyID = "AKIA2ZXDQTGSPBGUOWXB" // want `^hard-coded AWS access key ID in const awsKeyID$`

// A credential name too: the token rule has the higher precedence.
var accessKey = "AKIAUG6PYQVIUN2GEORC" // want `^hard-coded AWS access key ID in var accessKey$`

var exportLine = "export AWS_ACCESS_KEY_ID=AKIAORZGR5FZVNTIWXBN" // want `^hard-coded AWS access key ID in var exportLine$`

var escaped = "id:\tAKIAUTF2LAOJ5NLC5YMY\n" // want `^hard-coded AWS access key ID in var escaped$`

const splitKey = "AKIAW6IAF2" + "EAT2OECKG4" // want `^hard-coded AWS access key ID in const splitKey$`

func badArg() {
	fmt.Println("AKIA3GUKIAS5KRNOUGNG") // want `^hard-coded AWS access key ID in argument a of fmt.Println$`
}

// want +1 "^hard-coded private key block in var pemBlock$"
var pemBlock = `-----BEGIN RSA PRIVATE KEY-----
Ub+jHedXBhae3/92ZWuK55YuWWCODqBfMyCB9V3/4SVuTR09wP9zz41lovrquOYQ
FML7LMOBH4W0AOL7zgBS2Y+J5Ewotw4s1GJdeRU8Rz3dy34L87m6Ju7S+pQWAD+L
-----END RSA PRIVATE KEY-----`

func badReturn() string {
	return "-----BEGIN EC PRIVATE KEY-----\n48VDC0Sy5tR2Mkr8DZVtBa/+UiGEqXZxJk7m9NH+ztq67daUWXMSeiT+o0CJlxJieMadhhh9\n" // want `^hard-coded private key block in string literal$`
}

// rotated on Monday: AKIA2ZXDQTGSPBGUOWXB // want `^hard-coded AWS access key ID in comment$`

/* backup key AKIAUG6PYQVIUN2GEORC */ // want `^hard-coded AWS access key ID in comment$`

// Not tokens.

const exampleKeyID = "AKIAQ7TMXZ4RWEXAMPLE" // the documented examples' shape

const maskedKeyID = "AKIAXXXXXXXXXXXXXXXX"

const lowerKeyID = "akia2zxdqtgspbguowxb"

const shortKeyID = "AKIA2ZXDQTGSPBG"

var placeholderPEM = "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----"

var publicPEM = `-----BEGIN PUBLIC KEY-----
Ub+jHedXBhae3/92ZWuK55YuWWCODqBfMyCB9V3/4SVuTR09wP9zz41lovrquOYQ
-----END PUBLIC KEY-----`

var keyPattern = `\b(?:AKIA|ASIA)[A-Z2-7]{16}\b`

// Keys look like AKIA followed by sixteen characters.

type tagged struct {
	Key string `json:"key" example:"AKIA2ZXDQTGSPBGUOWXB"`
}
