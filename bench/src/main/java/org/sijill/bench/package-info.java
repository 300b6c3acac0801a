/** Benchmarks: JMH microbenchmarks and end-to-end runners. */
package org.sijill.bench;
