pub use atoll_runtime;
