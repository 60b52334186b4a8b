print("loading imppkg.inner", __package__)
