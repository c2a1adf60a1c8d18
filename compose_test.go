package diplograph_test

// The deployment files (compose.yaml, Dockerfile, .dockerignore) are checked
// here without a Docker engine, which the project's CI machines do not have:
// compose.yaml is loaded and validated by compose-go, the loader Docker
// Compose itself uses, and the Dockerfile and .dockerignore are read as text.
// The tests need no network and leave nothing behind.

import (
	"bufio"
	"context"
	"encoding/json"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
)

// testPassword is what a user would put in NEO4J_PASSWORD.
const testPassword = "correct-horse-battery"

// loadCompose loads compose.yaml the way "docker compose" does, with env as
// the only environment: the developer's own NEO4J_PASSWORD or .env file
// must not change what the test sees.
func loadCompose(t *testing.T, env ...string) *types.Project {
	t.Helper()
	opts, err := cli.NewProjectOptions([]string{"compose.yaml"},
		cli.WithWorkingDirectory("."),
		cli.WithName("diplograph-test"),
		cli.WithEnv(env),
	)
	if err != nil {
		t.Fatalf("compose options: %v", err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("load compose.yaml: %v", err)
	}
	return p
}

func service(t *testing.T, p *types.Project, name string) types.ServiceConfig {
	t.Helper()
	s, err := p.GetService(name)
	if err != nil {
		t.Fatalf("compose.yaml: %v (services: %v)", err, p.ServiceNames())
	}
	return s
}

// envValue returns a service's environment variable and whether it is set
// to a value (a bare "KEY" without a value counts as unset).
func envValue(s types.ServiceConfig, key string) (string, bool) {
	v, ok := s.Environment[key]
	if !ok || v == nil {
		return "", false
	}
	return *v, true
}

func TestComposePassword(t *testing.T) {
	tests := []struct {
		name string
		env  []string
		want string // "" means the file's default, whatever it is
	}{
		{"from NEO4J_PASSWORD", []string{"NEO4J_PASSWORD=" + testPassword}, testPassword},
		{"default when unset", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := loadCompose(t, tt.env...)
			auth, ok := envValue(service(t, p, "neo4j"), "NEO4J_AUTH")
			if !ok {
				t.Fatal("neo4j: NEO4J_AUTH is not set")
			}
			serverPassword, found := strings.CutPrefix(auth, "neo4j/")
			if !found {
				t.Fatalf("neo4j: NEO4J_AUTH = %q, want neo4j/<password>", auth)
			}
			apiPassword, _ := envValue(service(t, p, "api"), "NEO4J_PASSWORD")
			if apiPassword != serverPassword {
				t.Errorf("api NEO4J_PASSWORD = %q, neo4j's password = %q: the API could not log in", apiPassword, serverPassword)
			}
			if tt.want != "" && serverPassword != tt.want {
				t.Errorf("neo4j password = %q, want %q", serverPassword, tt.want)
			}
			// The image refuses these at startup (docker-entrypoint.sh).
			if len(serverPassword) < 8 || serverPassword == "neo4j" || strings.Contains(serverPassword, "/") {
				t.Errorf("neo4j password %q: the image needs 8+ characters, not \"neo4j\", no \"/\"", serverPassword)
			}
		})
	}
}

func TestComposeServices(t *testing.T) {
	p := loadCompose(t, "NEO4J_PASSWORD="+testPassword)
	neo4j, api := service(t, p, "neo4j"), service(t, p, "api")

	t.Run("neo4j image", func(t *testing.T) {
		if !regexp.MustCompile(`^neo4j:5(\.\d+){0,2}-community$`).MatchString(neo4j.Image) {
			t.Errorf("neo4j image = %q, want a pinned Neo4j 5 community tag such as neo4j:5.26.30-community", neo4j.Image)
		}
	})

	t.Run("api build", func(t *testing.T) {
		if api.Build == nil {
			t.Fatal("api: no build section")
		}
		ctxDir, err := filepath.Abs(filepath.FromSlash(api.Build.Context))
		if err != nil {
			t.Fatal(err)
		}
		root, err := filepath.Abs(".")
		if err != nil {
			t.Fatal(err)
		}
		if ctxDir != root {
			t.Errorf("api build context = %s, want the repository root %s", ctxDir, root)
		}
		if df := api.Build.Dockerfile; df != "" && df != "Dockerfile" {
			t.Errorf("api dockerfile = %q, want Dockerfile", df)
		}
		if api.Restart != types.RestartPolicyUnlessStopped {
			t.Errorf("api restart = %q, want %q", api.Restart, types.RestartPolicyUnlessStopped)
		}
		if want := []string{"serve", "--demo"}; !slices.Equal(api.Command, want) {
			t.Errorf("api command = %q, want %q", api.Command, want)
		}
	})

	t.Run("ports", func(t *testing.T) {
		tests := []struct {
			service   string
			target    uint32
			published string
		}{
			{"neo4j", 7474, "7474"},
			{"neo4j", 7687, "7687"},
			{"api", 8080, "8080"},
		}
		for _, tt := range tests {
			s := service(t, p, tt.service)
			i := slices.IndexFunc(s.Ports, func(pc types.ServicePortConfig) bool { return pc.Target == tt.target })
			if i < 0 {
				t.Errorf("%s: container port %d is not published", tt.service, tt.target)
				continue
			}
			if got := s.Ports[i].Published; got != tt.published {
				t.Errorf("%s: port %d published on host port %q, want %q", tt.service, tt.target, got, tt.published)
			}
		}
		// Nothing may listen beyond the host itself: a reverse proxy or
		// load balancer is the way in (docs/deploy.md).
		for _, s := range p.Services {
			for _, pc := range s.Ports {
				if pc.HostIP != "127.0.0.1" {
					t.Errorf("%s: port %d is published on host IP %q, want 127.0.0.1", s.Name, pc.Target, pc.HostIP)
				}
			}
		}
	})

	t.Run("api environment", func(t *testing.T) {
		tests := []struct {
			key, want string
		}{
			{"DIPLOGRAPH_STORE", "neo4j"},
			{"NEO4J_USERNAME", "neo4j"},
			{"NEO4J_DATABASE", "neo4j"},
			{"DIPLOGRAPH_ADDR", "0.0.0.0:8080"},
		}
		for _, tt := range tests {
			if got, _ := envValue(api, tt.key); got != tt.want {
				t.Errorf("api %s = %q, want %q", tt.key, got, tt.want)
			}
		}
	})

	t.Run("api reaches neo4j", func(t *testing.T) {
		raw, _ := envValue(api, "NEO4J_URI")
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatalf("api NEO4J_URI %q: %v", raw, err)
		}
		if u.Scheme != "bolt" && u.Scheme != "neo4j" {
			t.Errorf("api NEO4J_URI scheme = %q, want bolt (or neo4j)", u.Scheme)
		}
		if u.Hostname() != neo4j.Name {
			t.Errorf("api NEO4J_URI host = %q, want the compose service %q", u.Hostname(), neo4j.Name)
		}
		// Services talk over the compose network, so the port is the
		// container port, whatever the host publishes.
		if i := slices.IndexFunc(neo4j.Ports, func(pc types.ServicePortConfig) bool {
			return u.Port() != "" && pc.Target == parsePort(u.Port())
		}); i < 0 {
			t.Errorf("api NEO4J_URI port %q is not a neo4j container port", u.Port())
		}
	})

	t.Run("api listens on its published port", func(t *testing.T) {
		addr, _ := envValue(api, "DIPLOGRAPH_ADDR")
		_, port, err := net.SplitHostPort(addr)
		if err != nil {
			t.Fatalf("api DIPLOGRAPH_ADDR %q: %v", addr, err)
		}
		if !slices.ContainsFunc(api.Ports, func(pc types.ServicePortConfig) bool { return pc.Target == parsePort(port) }) {
			t.Errorf("api listens on %s, but that container port is not published", port)
		}
	})

	t.Run("neo4j environment", func(t *testing.T) {
		// The image writes every other NEO4J_* variable into neo4j.conf as a
		// setting, and Neo4j 5 stops on a setting it does not know, so an
		// application variable such as NEO4J_PASSWORD here breaks startup.
		control := []string{"NEO4J_AUTH", "NEO4J_AUTH_PATH", "NEO4J_PLUGINS", "NEO4J_DEBUG", "NEO4J_ACCEPT_LICENSE_AGREEMENT"}
		setting := regexp.MustCompile(`^NEO4J_[a-z][a-z0-9]*(_{1,2}[a-z0-9]+)+$`)
		for key := range neo4j.Environment {
			if strings.HasPrefix(key, "NEO4J_") && !slices.Contains(control, key) && !setting.MatchString(key) {
				t.Errorf("neo4j environment %s is neither an image control variable nor a setting (NEO4J_server_memory_heap_max__size style)", key)
			}
		}
		for _, key := range []string{"NEO4J_server_memory_pagecache_size", "NEO4J_server_memory_heap_max__size"} {
			if v, ok := envValue(neo4j, key); !ok || v == "" {
				t.Errorf("neo4j %s is not set: memory is sized by Neo4j's guess from the host's RAM", key)
			}
		}
	})

	t.Run("neo4j healthcheck", func(t *testing.T) {
		hc := neo4j.HealthCheck
		if hc == nil || hc.Disable || len(hc.Test) < 2 {
			t.Fatalf("neo4j healthcheck = %+v, want a test command", hc)
		}
		if kind := hc.Test[0]; kind != "CMD-SHELL" && kind != "CMD" {
			t.Errorf("neo4j healthcheck kind = %q, want CMD-SHELL or CMD", kind)
		}
		cmd := strings.Join(hc.Test[1:], " ")
		for _, want := range []string{"cypher-shell", "RETURN 1", "-u neo4j"} {
			if !strings.Contains(cmd, want) {
				t.Errorf("neo4j healthcheck %q does not contain %q", cmd, want)
			}
		}
		// The password must come from the container's environment at run
		// time: "$$" in the file. A single "$" would be interpolated by
		// compose from the host, where the variable is usually unset.
		if !strings.Contains(cmd, "${NEO4J_AUTH") {
			t.Errorf("neo4j healthcheck %q does not read the password from the container's NEO4J_AUTH", cmd)
		}
		if strings.Contains(cmd, testPassword) {
			t.Errorf("neo4j healthcheck %q has the password written into it", cmd)
		}
		if hc.Interval == nil || hc.Timeout == nil || hc.Retries == nil || hc.StartPeriod == nil {
			t.Errorf("neo4j healthcheck: interval %v, timeout %v, retries %v, start_period %v: want all four set",
				hc.Interval, hc.Timeout, hc.Retries, hc.StartPeriod)
		}
	})

	t.Run("api waits for a healthy neo4j", func(t *testing.T) {
		dep, ok := api.DependsOn[neo4j.Name]
		if !ok {
			t.Fatalf("api depends_on = %v, want neo4j", api.DependsOn)
		}
		if dep.Condition != types.ServiceConditionHealthy {
			t.Errorf("api depends_on neo4j condition = %q, want %q", dep.Condition, types.ServiceConditionHealthy)
		}
	})

	t.Run("neo4j data volume", func(t *testing.T) {
		i := slices.IndexFunc(neo4j.Volumes, func(v types.ServiceVolumeConfig) bool { return v.Target == "/data" })
		if i < 0 {
			t.Fatalf("neo4j: nothing is mounted at /data: the graph is lost with the container")
		}
		v := neo4j.Volumes[i]
		if v.Type != types.VolumeTypeVolume {
			t.Errorf("neo4j /data is a %s mount, want a named volume", v.Type)
		}
		if _, ok := p.Volumes[v.Source]; !ok {
			t.Errorf("neo4j /data volume %q is not declared under volumes:", v.Source)
		}
		if v.ReadOnly {
			t.Error("neo4j /data is mounted read-only")
		}
	})
}

// TestComposeNeo4jVersion keeps the container's Neo4j the same as the one
// scripts/neo4j runs for development and tests without Docker.
func TestComposeNeo4jVersion(t *testing.T) {
	pom, err := os.ReadFile(filepath.Join("scripts", "neo4j", "pom.xml"))
	if err != nil {
		t.Skipf("no dev Neo4j to compare with: %v", err)
	}
	m := regexp.MustCompile(`<neo4j\.version>([^<]+)</neo4j\.version>`).FindSubmatch(pom)
	if m == nil {
		t.Fatal("scripts/neo4j/pom.xml has no <neo4j.version>")
	}
	p := loadCompose(t, "NEO4J_PASSWORD="+testPassword)
	if want := "neo4j:" + string(m[1]) + "-community"; service(t, p, "neo4j").Image != want {
		t.Errorf("neo4j image = %q, scripts/neo4j runs %s: want %q", service(t, p, "neo4j").Image, m[1], want)
	}
}

func parsePort(s string) uint32 {
	var n uint32
	for _, c := range s {
		if c < '0' || c > '9' || n > 65535 {
			return 0
		}
		n = n*10 + uint32(c-'0')
	}
	return n
}

// A dockerfileStage is one FROM section of a Dockerfile.
type dockerfileStage struct {
	name, base string
	instrs     []dockerfileInstr
}

type dockerfileInstr struct {
	cmd  string // upper case: RUN, COPY, ...
	args string
}

// parseDockerfile reads a Dockerfile simply: comments dropped, continuation
// lines joined, one instruction per line, split into stages at FROM.
func parseDockerfile(t *testing.T, name string) []dockerfileStage {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var (
		stages  []dockerfileStage
		pending string
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || (line == "" && pending == "") {
			continue
		}
		if cont, ok := strings.CutSuffix(line, `\`); ok {
			pending += cont + " "
			continue
		}
		line, pending = pending+line, ""
		cmd, args, _ := strings.Cut(line, " ")
		cmd, args = strings.ToUpper(cmd), strings.TrimSpace(args)
		if cmd == "FROM" {
			var st dockerfileStage
			fields := slices.DeleteFunc(strings.Fields(args), func(f string) bool { return strings.HasPrefix(f, "--") })
			if len(fields) > 0 {
				st.base = fields[0]
			}
			if len(fields) == 3 && strings.EqualFold(fields[1], "AS") {
				st.name = fields[2]
			}
			stages = append(stages, st)
			continue
		}
		if len(stages) == 0 {
			if cmd != "ARG" {
				t.Fatalf("%s: %s before the first FROM", name, cmd)
			}
			continue
		}
		stages[len(stages)-1].instrs = append(stages[len(stages)-1].instrs, dockerfileInstr{cmd, args})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if pending != "" {
		t.Fatalf("%s ends in a continuation line", name)
	}
	return stages
}

// index returns the position of the first instruction of cmd whose
// arguments contain all of parts, or -1.
func (s dockerfileStage) index(cmd string, parts ...string) int {
	return slices.IndexFunc(s.instrs, func(in dockerfileInstr) bool {
		if in.cmd != cmd {
			return false
		}
		for _, p := range parts {
			if !strings.Contains(in.args, p) {
				return false
			}
		}
		return true
	})
}

// execForm decodes the JSON form of CMD and ENTRYPOINT.
func execForm(t *testing.T, in dockerfileInstr) []string {
	t.Helper()
	var argv []string
	if err := json.Unmarshal([]byte(in.args), &argv); err != nil {
		t.Errorf("%s %s is not in exec (JSON) form: the runtime image has no shell to run it (%v)", in.cmd, in.args, err)
	}
	return argv
}

func TestDockerfile(t *testing.T) {
	stages := parseDockerfile(t, "Dockerfile")
	if len(stages) < 2 {
		t.Fatalf("Dockerfile has %d stage(s), want a build stage and a runtime stage", len(stages))
	}
	final := stages[len(stages)-1]
	bi := slices.IndexFunc(stages, func(s dockerfileStage) bool { return s.index("RUN", "go build") >= 0 })
	if bi < 0 || bi == len(stages)-1 {
		t.Fatal("Dockerfile: no build stage runs go build before the runtime stage")
	}
	build := stages[bi]
	buildRun := build.instrs[build.index("RUN", "go build")].args

	t.Run("build stage Go matches go.mod", func(t *testing.T) {
		goMod, err := os.ReadFile("go.mod")
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(goMod)
		if m == nil {
			t.Fatal("go.mod has no go directive")
		}
		if want := "golang:" + string(m[1]); build.base != want && !strings.HasPrefix(build.base, want+"-") && !strings.HasPrefix(build.base, want+".") {
			t.Errorf("build stage FROM %s, want %s (go.mod says go %s)", build.base, want, m[1])
		}
	})

	t.Run("go build", func(t *testing.T) {
		for _, want := range []string{"CGO_ENABLED=0", "./cmd/diplograph", "-trimpath", "-o "} {
			if !strings.Contains(buildRun, want) {
				t.Errorf("build RUN %q does not contain %q", buildRun, want)
			}
		}
	})

	t.Run("modules are downloaded before the sources are copied", func(t *testing.T) {
		mods := build.index("COPY", "go.mod", "go.sum")
		dl := build.index("RUN", "go mod download")
		src := slices.IndexFunc(build.instrs, func(in dockerfileInstr) bool {
			fields := slices.DeleteFunc(strings.Fields(in.args), func(f string) bool { return strings.HasPrefix(f, "--") })
			return in.cmd == "COPY" && len(fields) > 1 && fields[0] == "."
		})
		if mods < 0 || dl < 0 || src < 0 || !(mods < dl && dl < src) {
			t.Errorf("build stage: COPY go.mod go.sum at %d, go mod download at %d, COPY . at %d: want them in that order", mods, dl, src)
		}
	})

	t.Run("final stage runs the built binary", func(t *testing.T) {
		out := regexp.MustCompile(`-o\s+(\S+)`).FindStringSubmatch(buildRun)
		if out == nil {
			t.Fatalf("build RUN %q names no output with -o", buildRun)
		}
		ci := final.index("COPY", "--from=", out[1])
		if ci < 0 {
			t.Fatalf("final stage does not copy %s from the build stage", out[1])
		}
		copyArgs := strings.Fields(final.instrs[ci].args)
		dest := copyArgs[len(copyArgs)-1]
		ei := final.index("ENTRYPOINT")
		if ei < 0 {
			t.Fatal("final stage has no ENTRYPOINT")
		}
		if argv := execForm(t, final.instrs[ei]); len(argv) == 0 || argv[0] != dest {
			t.Errorf("ENTRYPOINT %v, want [%q] (where the binary is copied)", argv, dest)
		}
		if ci := final.index("CMD"); ci < 0 {
			t.Error("final stage has no CMD")
		} else if argv := execForm(t, final.instrs[ci]); len(argv) == 0 || argv[0] != "serve" {
			t.Errorf("CMD %v, want serve first", argv)
		}
	})

	t.Run("final stage runs as non-root", func(t *testing.T) {
		user := ""
		for _, in := range final.instrs {
			if in.cmd == "USER" {
				user = in.args
			}
		}
		name, _, _ := strings.Cut(user, ":")
		switch {
		case user == "" && strings.HasSuffix(final.base, ":nonroot"):
			// The base image's own user is nonroot.
		case user == "" || name == "root" || name == "0":
			t.Errorf("final stage (FROM %s) runs as %q, want a non-root USER", final.base, user)
		}
	})

	t.Run("final stage is small and shell-free", func(t *testing.T) {
		if !strings.HasPrefix(final.base, "gcr.io/distroless/") && !strings.HasPrefix(final.base, "alpine") {
			t.Errorf("final stage FROM %s, want distroless or alpine", final.base)
		}
		if strings.HasPrefix(final.base, "gcr.io/distroless/") && final.index("RUN") >= 0 {
			t.Error("final stage has a RUN, but distroless has no shell")
		}
	})

	t.Run("final stage serves on the port compose publishes", func(t *testing.T) {
		if final.index("EXPOSE", "8080") < 0 {
			t.Error("final stage does not EXPOSE 8080")
		}
		if final.index("ENV", "DIPLOGRAPH_ADDR=0.0.0.0:8080") < 0 {
			t.Error("final stage does not set DIPLOGRAPH_ADDR=0.0.0.0:8080: the binary's default 127.0.0.1 is unreachable from outside the container")
		}
		api := service(t, loadCompose(t, "NEO4J_PASSWORD="+testPassword), "api")
		if !slices.ContainsFunc(api.Ports, func(pc types.ServicePortConfig) bool { return pc.Target == 8080 }) {
			t.Error("compose api does not publish the container port 8080 the image exposes")
		}
	})
}

// dockerignoreRule is one line of .dockerignore, as a regular expression
// over slash-separated paths relative to the build context.
type dockerignoreRule struct {
	re     *regexp.Regexp
	negate bool
}

// parseDockerignore follows Docker's rules closely enough for this
// repository: "*" and "?" stay within a path element, "**" spans any
// number of them, a leading "/" is dropped, "!" re-includes, and the last
// matching line wins.
func parseDockerignore(text string) []dockerignoreRule {
	var rules []dockerignoreRule
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var r dockerignoreRule
		if rest, ok := strings.CutPrefix(line, "!"); ok {
			r.negate, line = true, strings.TrimSpace(rest)
		}
		line = strings.TrimPrefix(path.Clean("/"+line), "/")
		var b strings.Builder
		b.WriteString("^")
		for i := 0; i < len(line); i++ {
			switch c := line[i]; {
			case strings.HasPrefix(line[i:], "**/"):
				b.WriteString("(.*/)?")
				i += 2
			case strings.HasPrefix(line[i:], "**"):
				b.WriteString(".*")
				i++
			case c == '*':
				b.WriteString("[^/]*")
			case c == '?':
				b.WriteString("[^/]")
			default:
				b.WriteString(regexp.QuoteMeta(string(c)))
			}
		}
		b.WriteString("$")
		r.re = regexp.MustCompile(b.String())
		rules = append(rules, r)
	}
	return rules
}

// ignored reports whether Docker leaves file (slash-separated, relative to
// the context) out of the build context: a rule matching a parent folder
// matches everything in it.
func ignored(rules []dockerignoreRule, file string) bool {
	out := false
	for _, r := range rules {
		for p := file; p != "." && p != "/"; p = path.Dir(p) {
			if r.re.MatchString(p) {
				out = !r.negate
				break
			}
		}
	}
	return out
}

func TestDockerignoreMatcher(t *testing.T) {
	rules := parseDockerignore("# comment\n.git\n/bin\n**/*.db\nscripts/neo4j/lib\n*.md\n!README.md\n")
	tests := []struct {
		file string
		want bool
	}{
		{".git/HEAD", true},
		{".gitignore", false},
		{"bin/x", true},
		{"cmd/bin/x", false},
		{"diplograph.db", true},
		{"store/sqlite/testdata/a.db", true},
		{"a.db-wal", false},
		{"scripts/neo4j/lib/5.26/neo4j.jar", true},
		{"scripts/neo4j/start", false},
		{"ARCHITECTURE.md", true},
		{"README.md", false},
		{"docs/api.md", false},
	}
	for _, tt := range tests {
		if got := ignored(rules, tt.file); got != tt.want {
			t.Errorf("ignored(%q) = %v, want %v", tt.file, got, tt.want)
		}
	}
}

// embedDirective matches a //go:embed line and captures its patterns.
var embedDirective = regexp.MustCompile(`(?m)^//go:embed\s+(.+)$`)

func TestDockerignore(t *testing.T) {
	text, err := os.ReadFile(".dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	rules := parseDockerignore(string(text))

	t.Run("keeps local state and big files out", func(t *testing.T) {
		for _, file := range []string{".git/HEAD", "diplograph.db", "diplograph.db-wal", "store/x/y.db", "scripts/neo4j/lib/a.jar", "scripts/neo4j/data/neo4j.pid"} {
			if !ignored(rules, file) {
				t.Errorf(".dockerignore lets %s into the build context", file)
			}
		}
	})

	t.Run("keeps what go build needs", func(t *testing.T) {
		// Everything go build reads: the module files, every non-test Go
		// file, and the files Go sources embed (the knowledge base and
		// the samples), found from their //go:embed lines.
		need := []string{"go.mod", "go.sum"}
		err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "node_modules") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			need = append(need, filepath.ToSlash(p))
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, m := range embedDirective.FindAllSubmatch(src, -1) {
				for _, pat := range strings.Fields(string(m[1])) {
					matches, err := filepath.Glob(filepath.Join(filepath.Dir(p), filepath.FromSlash(pat)))
					if err != nil {
						return err
					}
					for _, f := range matches {
						need = append(need, filepath.ToSlash(f))
					}
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(need, func(f string) bool { return strings.HasPrefix(f, "kb/data/") }) {
			t.Fatalf("found no embedded kb/data files among %d needed files: the walk is broken", len(need))
		}
		for _, f := range need {
			if ignored(rules, f) {
				t.Errorf(".dockerignore leaves out %s, which go build ./cmd/diplograph needs", f)
			}
		}
	})
}
