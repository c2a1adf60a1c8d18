# syntax=docker/dockerfile:1
#
# The Diplograph server as a small image: one static binary (the knowledge
# base and the sample articles are embedded in it) on distroless, as non-root.
#
#   docker build -t diplograph .
#   docker run --rm -p 127.0.0.1:8080:8080 diplograph            # embedded store, demo data
#   docker run --rm -e DIPLOGRAPH_STORE=neo4j -e NEO4J_URI=... diplograph serve
#
# docs/deploy.md has the compose setup with Neo4j. BuildKit (the default
# builder of current Docker) is needed for the cache mount below.

# The build runs on the builder's own platform and cross-compiles, which is
# fast because nothing needs cgo (pure-Go SQLite and Neo4j driver).
FROM --platform=$BUILDPLATFORM golang:1.26 AS build
ARG TARGETOS
ARG TARGETARCH
WORKDIR /src
# Modules first, so this layer survives every change that leaves go.mod and
# go.sum alone.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
    go build -trimpath -ldflags="-s -w" -o /out/diplograph ./cmd/diplograph
# The runtime image has no shell to create the embedded store's folder with.
RUN mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/diplograph /diplograph
COPY --from=build --chown=65532:65532 /out/data /data
# In a container the server must listen on every interface (the binary's own
# default is 127.0.0.1); the embedded store, when used, goes to /data, which
# a volume can keep.
ENV DIPLOGRAPH_ADDR=0.0.0.0:8080 \
    DIPLOGRAPH_DB=/data/diplograph.db
# nonroot of the base image, spelled as numbers so that orchestrators that
# require a non-root user (runAsNonRoot) can verify it.
USER 65532:65532
EXPOSE 8080
# No HEALTHCHECK: distroless has no shell or curl. Compose checks Neo4j, and
# orchestrators should probe GET /healthz (liveness) and GET /readyz (readiness).
ENTRYPOINT ["/diplograph"]
CMD ["serve", "--demo"]
