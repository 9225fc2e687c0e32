//secretlint:file-ignore hardcoded-token test vectors of the key parser

// want +1 `^secretlint:file-ignore of hardcoded-credential suppresses nothing$`
//secretlint:file-ignore hardcoded-credential nothing of this rule here

package invalidsuppression

var vectors = []string{
	"AKIAUTF2LAOJ5NLC5YMY",
	"AKIA3GUKIAS5KRNOUGNG",
}
