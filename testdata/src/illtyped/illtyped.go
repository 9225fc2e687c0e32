// Package illtyped does not type-check: the syntax rules still run.
package illtyped

const dbPassword = "Vq7rT2xLm9" + undefinedSuffix // the fold needs both operands

var apiKey string = missingType("OS915JOUP8padFno9ij9ayt7")

func badUntyped() {
	cfg := loadConfig()
	cfg.Password = "3jGIeYOjtNAv1r" // want `^hard-coded password in assignment to cfg.Password$`
	req := newRequest()
	req.SetBasicAuth("app", "nnyCTvSwL3K0w2")   // want `^hard-coded password in argument password of req.SetBasicAuth$`
	_ = "AKIA2ZXDQTGSPBGUOWXB" + undefinedValue // want `^hard-coded AWS access key ID in assignment to _$`
	var x int = "not an int"
}

const smtpPassword = "SRUkvcXgpv6bCS" // want `^hard-coded password in const smtpPassword$`
