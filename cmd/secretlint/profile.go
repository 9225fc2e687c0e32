package main

import (
	"errors"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles starts the CPU profile of -cpuprofile. The returned stop
// ends it and writes the heap profile of -memprofile: after a garbage
// collection, so that it shows what the run still holds at its end, and
// with every allocation of the run in its alloc_space view.
func startProfiles(o *options) (stop func() error, err error) {
	var cpu *os.File
	if o.cpuprofile != "" {
		if cpu, err = os.Create(o.cpuprofile); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cpu); err != nil {
			cpu.Close()
			return nil, err
		}
	}
	if o.memprofile != "" {
		// Record every allocation, not one per 512 KiB: the profile of a
		// single run must show the small allocations that add up.
		runtime.MemProfileRate = 4096
	}
	return func() error {
		var errs []error
		if cpu != nil {
			pprof.StopCPUProfile()
			errs = append(errs, cpu.Close())
		}
		if o.memprofile != "" {
			errs = append(errs, writeHeapProfile(o.memprofile))
		}
		return errors.Join(errs...)
	}, nil
}

// writeHeapProfile writes the heap profile to name.
func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
