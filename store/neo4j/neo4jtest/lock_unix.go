//go:build unix

package neo4jtest

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock on the file at path, waiting for
// it, and returns the function that releases it. The kernel releases it too
// if the process dies.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
