#!/usr/bin/env node
console.log("mapdown")
