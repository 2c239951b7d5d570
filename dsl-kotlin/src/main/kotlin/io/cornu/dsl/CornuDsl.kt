package io.cornu.dsl

/** Marks Cornu's builder receivers so that an inner block cannot call an outer builder by accident. */
@DslMarker
public annotation class CornuDsl
